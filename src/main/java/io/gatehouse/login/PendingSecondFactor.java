package io.gatehouse.login;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A sign-in that passed its first step and waits for a second factor, kept in the server-side session only.
 *
 * @param enrolmentRequired the person has no factor yet and must enrol one first
 * @param emailCode the second step is a code e-mailed to the person (rule method "email code", or a first-login
 * email verification) rather than an enrolled factor
 * @param totpIssuer the name authenticator apps show for a factor enrolled now
 * @param factorId the person's factor being used (their preferred one until they switch)
 * @param challengeId the WorkOS challenge being answered, if one was started
 * @param attempts wrong codes so far; the pending sign-in is discarded after {@link #MAX_ATTEMPTS}
 */
public record PendingSecondFactor(long userId, String email, String method, String via, String next,
		boolean enrolmentRequired, boolean emailCode, @Nullable String totpIssuer, @Nullable Long factorId, @Nullable String challengeId,
		int attempts, Instant startedAt) implements Serializable {

	public static final int MAX_ATTEMPTS = 5;

	static final Duration LIFETIME = Duration.ofMinutes(10);

	public PendingSecondFactor withChallenge(@Nullable String id) {
		return new PendingSecondFactor(userId, email, method, via, next, enrolmentRequired, emailCode, totpIssuer, factorId, id,
				attempts, startedAt);
	}

	/** Switches to another of the person's factors; any started challenge is dropped. */
	public PendingSecondFactor withFactor(long id) {
		return new PendingSecondFactor(userId, email, method, via, next, enrolmentRequired, emailCode, totpIssuer, id, null,
				attempts, startedAt);
	}

	PendingSecondFactor failedOnce() {
		return new PendingSecondFactor(userId, email, method, via, next, enrolmentRequired, emailCode, totpIssuer, factorId,
				challengeId, attempts + 1, startedAt);
	}

	boolean expired(Instant now) {
		return startedAt.plus(LIFETIME).isBefore(now);
	}

}
