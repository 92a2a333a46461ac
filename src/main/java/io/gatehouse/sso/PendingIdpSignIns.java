package io.gatehouse.sso;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import io.gatehouse.secrets.Secrets;
import io.gatehouse.workos.SsoProfile;
import jakarta.servlet.http.HttpSession;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * IdP-initiated sign-ins that arrived in a browser already signed in as someone else, held until the person says
 * whether to switch. The verified profile stays on the server, stored under the hash of the session's random binding
 * (one per session, the newest wins), never in a page or a form; it is taken with one conditional delete, so it works
 * once, and only for 5 minutes. Nothing is created or linked for it until it is taken.
 */
@Component
class PendingIdpSignIns {

	static final Duration LIFETIME = Duration.ofMinutes(5);

	/** The most a held profile may weigh; a larger one is not held (the sign-in fails as unreadable). */
	static final int MAX_PROFILE_JSON = 1_000_000;

	/** A held sign-in: the profile WorkOS verified and where to land afterwards. */
	record Held(SsoProfile profile, @Nullable String relayTarget) {
	}

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final Clock clock;

	PendingIdpSignIns(JdbcClient jdbc, JsonMapper json, Optional<Clock> clock) {
		this.jdbc = jdbc;
		this.json = json;
		this.clock = clock.orElse(Clock.systemUTC());
	}

	/**
	 * Holds the sign-in for this session, replacing one held before.
	 * @return false when the profile is too large to hold
	 */
	@Transactional
	boolean hold(HttpSession session, SsoProfile profile, @Nullable String relayTarget) {
		String profileJson = json.writeValueAsString(profile);
		if (profileJson.length() > MAX_PROFILE_JSON) {
			return false;
		}
		Instant now = clock.instant();
		String bindingHash = Secrets.sha256Hex(PendingSsoLogins.binding(session));
		jdbc.sql("delete from sso_pending_idp_sign_ins where started_at < ? or binding_hash = ?")
			.params(utc(now.minus(LIFETIME)), bindingHash)
			.update();
		jdbc.sql("insert into sso_pending_idp_sign_ins (binding_hash, profile_json, relay_target, started_at) values (?, ?, ?, ?)")
			.params(bindingHash, profileJson, relayTarget, utc(now))
			.update();
		return true;
	}

	/** The sign-in held for this session, without using it up (for the confirmation page). */
	@Transactional(readOnly = true)
	Optional<Held> peek(@Nullable HttpSession session) {
		return row(session).filter(this::fresh).flatMap(this::held);
	}

	/** Takes the sign-in held for this session, if it is fresh; whatever the outcome, it cannot be taken again. */
	@Transactional
	Optional<Held> take(@Nullable HttpSession session) {
		Optional<Row> row = row(session);
		if (row.isEmpty() || jdbc.sql("delete from sso_pending_idp_sign_ins where binding_hash = ?")
			.param(row.get().bindingHash())
			.update() != 1) {
			return Optional.empty();
		}
		return row.filter(this::fresh).flatMap(this::held);
	}

	private Optional<Row> row(@Nullable HttpSession session) {
		String binding = PendingSsoLogins.existingBinding(session);
		if (binding == null) {
			return Optional.empty();
		}
		return jdbc.sql("select * from sso_pending_idp_sign_ins where binding_hash = ?")
			.param(Secrets.sha256Hex(binding))
			.query((rs, i) -> new Row(rs.getString("binding_hash"), rs.getString("profile_json"),
					rs.getString("relay_target"), rs.getObject("started_at", OffsetDateTime.class).toInstant()))
			.optional();
	}

	private boolean fresh(Row row) {
		return row.startedAt().plus(LIFETIME).isAfter(clock.instant());
	}

	private Optional<Held> held(Row row) {
		try {
			return Optional.of(new Held(json.readValue(row.profileJson(), SsoProfile.class), row.relayTarget()));
		}
		catch (JacksonException e) {
			return Optional.empty();
		}
	}

	private record Row(String bindingHash, String profileJson, @Nullable String relayTarget, Instant startedAt) {
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

}
