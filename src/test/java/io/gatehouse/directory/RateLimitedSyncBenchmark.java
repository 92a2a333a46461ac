package io.gatehouse.directory;

import io.gatehouse.support.GatehouseIntegrationTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A full sync under WorkOS's rate limit (4 user listings per second per directory, 100 users each): the ceiling is
 * 400 users per second; the target is at least 95 % of it with no request refused.
 */
@GatehouseIntegrationTest
@Tag("benchmark")
@TestPropertySource(properties = { "spring.application.name=gatehouse-rate-limited-benchmark",
		"gatehouse.local.emulator-directory-extra-users=4000", "gatehouse.local.emulator-directory-rate-limit=4",
		"gatehouse.directory.requests-per-second=4", "gatehouse.directory.catch-up-enabled=false" })
class RateLimitedSyncBenchmark {

	@Autowired
	FullSync sync;

	@Test
	void syncAtTheRateLimitsCeiling() {
		long started = System.nanoTime();
		int users = sync.syncAll();
		double seconds = (System.nanoTime() - started) / 1e9;
		double rate = users / seconds;
		System.out.printf("BENCH rate-limited full sync (4 requests/s per directory): %d users in %.1f s = %.0f users/s "
				+ "= %.1f %% of the 400 users/s ceiling; %d requests refused with 429%n", users, seconds, rate, rate / 4,
				sync.rateLimitedRequests());
		assertThat(sync.rateLimitedRequests()).isZero();
	}

}
