package io.gatehouse.emulator;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What the emulator hands out during a sign-in: the pending request behind a test IdP page, single-use authorization
 * codes and the access tokens they are exchanged for. Codes are consumed with one conditional update, so two
 * concurrent exchanges of the same code cannot both succeed.
 */
@Component
@LocalModeOnly
public class SsoGrants {

	public record AuthorizationRequest(String id, String connectionId, String clientId, String redirectUri,
			@Nullable String state, @Nullable String codeChallenge, @Nullable String loginHint, @Nullable String nonce) {
	}

	record IssuedCode(String code, String clientId, @Nullable String codeChallenge, String profileJson,
			@Nullable String nonce, @Nullable String redirectUri) {
	}

	private static final Duration REQUEST_LIFETIME = Duration.ofMinutes(30);

	private static final Duration TOKEN_LIFETIME = Duration.ofMinutes(10);

	private final JdbcClient jdbc;

	private final Duration codeLifetime;

	SsoGrants(EmulatorDatabase database, EmulatorSettings settings) {
		this.jdbc = database.jdbc();
		this.codeLifetime = settings.emulatorCodeLifetime();
	}

	AuthorizationRequest openRequest(String connectionId, String clientId, String redirectUri, @Nullable String state,
			@Nullable String codeChallenge, @Nullable String loginHint, @Nullable String nonce) {
		String id = Ids.next("authz");
		jdbc.sql("""
				insert into authorization_requests
				    (id, connection_id, client_id, redirect_uri, state, code_challenge, login_hint, nonce, expires_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(id, connectionId, clientId, redirectUri, state, codeChallenge, loginHint, nonce,
					SsoDirectory.now().plus(REQUEST_LIFETIME))
			.update();
		return new AuthorizationRequest(id, connectionId, clientId, redirectUri, state, codeChallenge, loginHint, nonce);
	}

	/** The request if it is still waiting for the person's choice. */
	Optional<AuthorizationRequest> pendingRequest(String id) {
		return jdbc.sql("""
				select * from authorization_requests where id = ? and used_at is null and expires_at > ?""")
			.params(id, SsoDirectory.now())
			.query((rs, row) -> new AuthorizationRequest(rs.getString("id"), rs.getString("connection_id"),
					rs.getString("client_id"), rs.getString("redirect_uri"), rs.getString("state"),
					rs.getString("code_challenge"), rs.getString("login_hint"), rs.getString("nonce")))
			.optional();
	}

	/** Marks the request answered; false if it was answered already (a double submit). */
	boolean closeRequest(String id) {
		return jdbc.sql("update authorization_requests set used_at = ? where id = ? and used_at is null")
			.params(SsoDirectory.now(), id)
			.update() == 1;
	}

	String issueCode(String clientId, @Nullable String codeChallenge, String profileJson) {
		return issueCode(clientId, codeChallenge, profileJson, null, null);
	}

	/** A code for an OpenID Connect request: it remembers the nonce and the redirect URI the token request must repeat. */
	String issueCode(String clientId, @Nullable String codeChallenge, String profileJson, @Nullable String nonce,
			@Nullable String redirectUri) {
		OffsetDateTime now = SsoDirectory.now();
		jdbc.sql("delete from authorization_codes where expires_at < ?").param(now.minusDays(1)).update();
		String code = Ids.secret();
		jdbc.sql("""
				insert into authorization_codes (code, client_id, code_challenge, profile_json, nonce, redirect_uri, expires_at)
				values (?, ?, ?, ?, ?, ?, ?)""")
			.params(code, clientId, codeChallenge, profileJson, nonce, redirectUri, now.plus(codeLifetime))
			.update();
		return code;
	}

	/** A code that can still be exchanged. */
	Optional<IssuedCode> liveCode(String code) {
		return jdbc.sql("select * from authorization_codes where code = ? and used_at is null and expires_at > ?")
			.params(code, SsoDirectory.now())
			.query((rs, row) -> new IssuedCode(rs.getString("code"), rs.getString("client_id"),
					rs.getString("code_challenge"), rs.getString("profile_json"), rs.getString("nonce"),
					rs.getString("redirect_uri")))
			.optional();
	}

	/** Consumes the code; false if another exchange consumed it first or it expired meanwhile. */
	boolean redeem(String code) {
		OffsetDateTime now = SsoDirectory.now();
		return jdbc.sql("update authorization_codes set used_at = ? where code = ? and used_at is null and expires_at > ?")
			.params(now, code, now)
			.update() == 1;
	}

	String issueAccessToken(String profileJson) {
		OffsetDateTime now = SsoDirectory.now();
		jdbc.sql("delete from access_tokens where expires_at < ?").param(now).update();
		String token = "ssoat_" + Ids.secret();
		jdbc.sql("insert into access_tokens (token, profile_json, expires_at) values (?, ?, ?)")
			.params(token, profileJson, now.plus(TOKEN_LIFETIME))
			.update();
		return token;
	}

	long accessTokenLifetimeSeconds() {
		return TOKEN_LIFETIME.toSeconds();
	}

	Optional<String> profileOf(String accessToken) {
		return jdbc.sql("select profile_json from access_tokens where token = ? and expires_at > ?")
			.params(accessToken, SsoDirectory.now())
			.query(String.class)
			.optional();
	}

}
