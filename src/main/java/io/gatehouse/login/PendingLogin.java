package io.gatehouse.login;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import jakarta.servlet.http.HttpSession;
import org.jspecify.annotations.Nullable;

/**
 * A sign-in between step 1 and step 2, kept in the server-side session only: what was typed and where to go after.
 * It lasts 10 minutes.
 */
record PendingLogin(String username, String next, Instant startedAt) implements Serializable {

	private static final String ATTRIBUTE = PendingLogin.class.getName();

	private static final Duration LIFETIME = Duration.ofMinutes(10);

	void store(HttpSession session) {
		session.setAttribute(ATTRIBUTE, this);
	}

	static Optional<PendingLogin> of(@Nullable HttpSession session) {
		Object value = session != null ? session.getAttribute(ATTRIBUTE) : null;
		return value instanceof PendingLogin pending && pending.startedAt().plus(LIFETIME).isAfter(Instant.now())
				? Optional.of(pending) : Optional.empty();
	}

	static void clear(@Nullable HttpSession session) {
		if (session != null) {
			session.removeAttribute(ATTRIBUTE);
		}
	}

}
