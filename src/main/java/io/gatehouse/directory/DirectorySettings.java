package io.gatehouse.directory;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the mirror talks to Directory Sync.
 *
 * @param requestsPerSecond user-listing requests per second per directory during a full sync (WorkOS allows 4); 0
 * means as fast as WorkOS answers
 * @param catchUpEvery how often the Events API is read for anything a webhook missed
 * @param catchUpEnabled whether that happens on a schedule at all
 */
@ConfigurationProperties("gatehouse.directory")
record DirectorySettings(@DefaultValue("4") int requestsPerSecond, @DefaultValue("30s") Duration catchUpEvery,
		@DefaultValue("true") boolean catchUpEnabled) {

	DirectorySettings {
		if (requestsPerSecond < 0 || requestsPerSecond > 1000) {
			throw new IllegalArgumentException(
					"gatehouse.directory.requests-per-second must be between 0 and 1000 (got " + requestsPerSecond + ")");
		}
		if (catchUpEvery.compareTo(Duration.ofSeconds(1)) < 0) {
			throw new IllegalArgumentException("gatehouse.directory.catch-up-every must be at least 1s (got " + catchUpEvery + ")");
		}
	}

}
