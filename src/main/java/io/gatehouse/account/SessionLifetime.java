package io.gatehouse.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.springframework.stereotype.Component;

/** When a signed-in session must end, whatever its activity: its sign-in time plus the configured lifetime. */
@Component
class SessionLifetime {

	private final SessionSettings settings;

	private final Clock clock;

	SessionLifetime(SessionSettings settings, Optional<Clock> clock) {
		this.settings = settings;
		this.clock = clock.orElse(Clock.systemUTC());
	}

	/** The moment the session ends, or empty if sessions like it have no absolute limit. */
	Optional<Instant> endsAt(SignInDetails details) {
		Duration lifetime = details.secondFactor() ? settings.absoluteTimeout()
				: settings.absoluteTimeoutWithoutSecondFactor();
		return lifetime.isZero() ? Optional.empty() : Optional.of(details.signedInAt().plus(lifetime));
	}

	/** Whether the session has lived past its absolute lifetime. */
	boolean outlived(SignInDetails details) {
		Instant now = clock.instant();
		return endsAt(details).map(end -> !now.isBefore(end)).orElse(false);
	}

}
