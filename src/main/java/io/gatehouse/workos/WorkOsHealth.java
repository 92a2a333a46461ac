package io.gatehouse.workos;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Whether WorkOS (or, in local mode, the embedded emulator) answers, as the {@code workos} part of
 * {@code /actuator/health}. The answer is kept for 30 seconds, so that frequent health checks cost WorkOS nothing.
 */
@Component("workos")
class WorkOsHealth implements HealthIndicator {

	private static final Duration KEEP = Duration.ofSeconds(30);

	private final WorkOs workos;

	private final Clock clock;

	private volatile Health last = Health.unknown().build();

	private volatile Instant checkedAt = Instant.EPOCH;

	WorkOsHealth(WorkOs workos, Optional<Clock> clock) {
		this.workos = workos;
		this.clock = clock.orElse(Clock.systemUTC());
	}

	@Override
	public Health health() {
		Instant now = clock.instant();
		if (checkedAt.plus(KEEP).isAfter(now)) {
			return last;
		}
		Health health;
		try {
			health = Health.up().withDetail("organizations", workos.organizations().size()).build();
		}
		catch (WorkOsException e) {
			health = Health.down().withDetail("reason", e.reason().name()).build();
		}
		last = health;
		checkedAt = now;
		return health;
	}

}
