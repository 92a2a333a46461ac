package io.gatehouse.throttle;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Throttling limits.
 *
 * @param freeFailures consecutive failures allowed without delay (then delays grow)
 * @param hardStop consecutive failures after which the secret cannot be tried at all until reset
 * @param firstDelay the delay after the first failure beyond the free ones; each further failure doubles it
 * @param maxDelay the longest delay
 * @param signInsPerIp password and code attempts per IP address per minute
 * @param lookupsPerIp step-1 and {@code login-method} lookups per IP address per minute
 * @param codeSendsPerIp texts, e-mailed codes, magic links and reset links sent per IP address per 10 minutes
 */
@ConfigurationProperties("gatehouse.throttle")
public record ThrottleSettings(@DefaultValue("5") int freeFailures, @DefaultValue("100") int hardStop,
		@DefaultValue("1s") Duration firstDelay, @DefaultValue("15m") Duration maxDelay,
		@DefaultValue("60") int signInsPerIp, @DefaultValue("120") int lookupsPerIp, @DefaultValue("20") int codeSendsPerIp) {

	public ThrottleSettings {
		if (freeFailures < 1 || hardStop <= freeFailures) {
			throw new IllegalArgumentException("gatehouse.throttle: free-failures must be at least 1 and below hard-stop (got "
					+ freeFailures + " and " + hardStop + ")");
		}
		if (firstDelay.isNegative() || maxDelay.compareTo(firstDelay) < 0) {
			throw new IllegalArgumentException("gatehouse.throttle: max-delay must be at least first-delay");
		}
		if (signInsPerIp < 1 || lookupsPerIp < 1 || codeSendsPerIp < 1) {
			throw new IllegalArgumentException("gatehouse.throttle: per-IP limits must be at least 1");
		}
	}

}
