package io.gatehouse.login;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A sign-in that passed its first step and waits for a second factor, kept in the server-side session only.
 *
 * @param enrolmentRequired the person has no factor yet and must enrol one first
 * @param totpIssuer the name authenticator apps show for a factor enrolled now
 * @param challengeId the WorkOS challenge being answered, if one was started
 * @param attempts wrong codes so far; the pending sign-in is discarded after {@link #MAX_ATTEMPTS}
 */
public record PendingSecondFactor(long userId, String email, String method, String via, String next,
		boolean enrolmentRequired, @Nullable String totpIssuer, @Nullable String challengeId, int attempts,
		Instant startedAt) implements Serializable {

	public static final int MAX_ATTEMPTS = 5;

	static final Duration LIFETIME = Duration.ofMinutes(10);

	public PendingSecondFactor withChallenge(@Nullable String id) {
		return new PendingSecondFactor(userId, email, method, via, next, enrolmentRequired, totpIssuer, id, attempts,
				startedAt);
	}

	PendingSecondFactor failedOnce() {
		return new PendingSecondFactor(userId, email, method, via, next, enrolmentRequired, totpIssuer, challengeId,
				attempts + 1, startedAt);
	}

	boolean expired(Instant now) {
		return startedAt.plus(LIFETIME).isBefore(now);
	}

}
