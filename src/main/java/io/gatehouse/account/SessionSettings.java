package io.gatehouse.account;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long a signed-in session may live, however active it is (the idle timeout is Spring Session's
 * {@code server.servlet.session.timeout}, {@code GATEHOUSE_SESSION_IDLE_TIMEOUT}, 30 minutes by default).
 *
 * @param absoluteTimeout the lifetime of a session that passed a second factor, counted from its sign-in
 * ({@code GATEHOUSE_SESSION_ABSOLUTE_TIMEOUT}, 12 hours)
 * @param absoluteTimeoutWithoutSecondFactor the lifetime of every other session (password only, SSO, magic link,
 * OIDC), 12 hours as well by default so that no session lives for ever by staying active; {@code 0} means no limit
 * ({@code GATEHOUSE_SESSION_ABSOLUTE_TIMEOUT_WITHOUT_SECOND_FACTOR})
 */
@ConfigurationProperties("gatehouse.sessions")
record SessionSettings(@DefaultValue("12h") Duration absoluteTimeout,
		@DefaultValue("12h") Duration absoluteTimeoutWithoutSecondFactor) {

	private static final Duration LONGEST = Duration.ofDays(90);

	SessionSettings {
		if (absoluteTimeout.isNegative() || absoluteTimeout.isZero() || absoluteTimeout.compareTo(LONGEST) > 0) {
			throw new IllegalArgumentException(
					"gatehouse.sessions.absolute-timeout (GATEHOUSE_SESSION_ABSOLUTE_TIMEOUT) must be between 1s and 90d (got "
							+ absoluteTimeout + ")");
		}
		if (absoluteTimeoutWithoutSecondFactor.isNegative() || absoluteTimeoutWithoutSecondFactor.compareTo(LONGEST) > 0) {
			throw new IllegalArgumentException("gatehouse.sessions.absolute-timeout-without-second-factor "
					+ "(GATEHOUSE_SESSION_ABSOLUTE_TIMEOUT_WITHOUT_SECOND_FACTOR) must be between 0 (no limit) and 90d (got "
					+ absoluteTimeoutWithoutSecondFactor + ")");
		}
	}

}
