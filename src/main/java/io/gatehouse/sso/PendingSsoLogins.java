package io.gatehouse.sso;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import io.gatehouse.login.SsoTarget;
import io.gatehouse.secrets.Secrets;
import jakarta.servlet.http.HttpSession;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * SSO sign-ins started and not yet finished. The {@code state} sent to WorkOS is 256 random bits that carry nothing
 * else. The pending sign-in is stored under its hash together with a hash of a random binding kept in the browser's
 * session, so it can only be finished in the session that started it; it is taken with one conditional delete, so it
 * works once, even when two callbacks race or several instances share the database, and only for 10 minutes.
 */
@Component
class PendingSsoLogins {

	static final Duration LIFETIME = Duration.ofMinutes(10);

	private static final String BINDING = PendingSsoLogins.class.getName() + ".binding";

	/** A started sign-in: what the callback needs to finish it. Never leaves the server. */
	record Pending(String codeVerifier, SsoTarget target, String next, String loginHint) {
	}

	private final JdbcClient jdbc;

	private final Clock clock;

	PendingSsoLogins(JdbcClient jdbc, Optional<Clock> clock) {
		this.jdbc = jdbc;
		this.clock = clock.orElse(Clock.systemUTC());
	}

	/** A new state: 256 random bits, URL-safe. */
	static String newState() {
		return Secrets.randomToken(32);
	}

	/** Remembers a sign-in this session started with the given state. */
	@Transactional
	void remember(HttpSession session, String state, Pending pending) {
		Instant now = clock.instant();
		jdbc.sql("delete from sso_pending_logins where started_at < ?").param(utc(now.minus(LIFETIME))).update();
		jdbc.sql("""
				insert into sso_pending_logins
				    (state_hash, binding_hash, code_verifier, target, next_path, login_hint, started_at)
				values (?, ?, ?, ?, ?, ?, ?)""")
			.params(Secrets.sha256Hex(state), Secrets.sha256Hex(binding(session)), pending.codeVerifier(), pending.target().key(),
					pending.next(), pending.loginHint(), utc(now))
			.update();
	}

	/**
	 * Takes the sign-in this state started, if it was started in this session less than 10 minutes ago and not taken
	 * before. Whatever the outcome, the state cannot be used again.
	 */
	@Transactional
	Optional<Pending> take(@Nullable HttpSession session, String state) {
		String stateHash = Secrets.sha256Hex(state);
		Optional<Row> row = jdbc.sql("select * from sso_pending_logins where state_hash = ?")
			.param(stateHash)
			.query((rs, i) -> new Row(rs.getString("binding_hash"),
					new Pending(rs.getString("code_verifier"), SsoTarget.fromKey(rs.getString("target")),
							rs.getString("next_path"), rs.getString("login_hint")),
					rs.getObject("started_at", java.time.OffsetDateTime.class).toInstant()))
			.optional();
		if (row.isEmpty() || jdbc.sql("delete from sso_pending_logins where state_hash = ?").param(stateHash).update() != 1) {
			return Optional.empty();
		}
		String binding = existingBinding(session);
		boolean sameSession = binding != null
				&& Secrets.constantTimeEquals(Secrets.sha256Hex(binding), row.get().bindingHash());
		boolean fresh = row.get().startedAt().plus(LIFETIME).isAfter(clock.instant());
		return sameSession && fresh ? Optional.of(row.get().pending()) : Optional.empty();
	}

	private record Row(String bindingHash, Pending pending, Instant startedAt) {
	}

	/** This session's random binding (created on first use); pending sign-ins store only its hash. */
	static String binding(HttpSession session) {
		Object existing = session.getAttribute(BINDING);
		if (existing instanceof String value) {
			return value;
		}
		String created = Secrets.randomToken(32);
		session.setAttribute(BINDING, created);
		return created;
	}

	/** This session's binding, if it has one. */
	static @Nullable String existingBinding(@Nullable HttpSession session) {
		Object existing = session != null ? session.getAttribute(BINDING) : null;
		return existing instanceof String value ? value : null;
	}

	private static java.time.OffsetDateTime utc(Instant instant) {
		return instant.atOffset(java.time.ZoneOffset.UTC);
	}

}
