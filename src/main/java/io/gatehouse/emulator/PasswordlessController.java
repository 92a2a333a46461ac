package io.gatehouse.emulator;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Emulated WorkOS Passwordless: create a magic-link session, send it (the e-mail lands in the outbox), and the link's
 * confirm page, which redirects to the app with a single-use code that {@code /sso/token} exchanges for a
 * {@code MagicLink} profile. Opening the link again before the code is used yields the same code, so a mail scanner
 * that follows it first does not spoil it for the person.
 */
@RestController
@EmulatorApi
@LocalModeOnly
class PasswordlessController {

	private static final int DEFAULT_EXPIRES_IN = 600;

	record Session(String id, String token, String email, String connectionId, @Nullable String redirectUri,
			@Nullable String state, @Nullable String code, OffsetDateTime expiresAt) {
	}

	private final JdbcClient jdbc;

	private final SsoDirectory directory;

	private final SsoGrants grants;

	private final EmulatorJson json;

	private final EmulatorSettings settings;

	private final Outbox outbox;

	private final @Nullable String appBaseUrl;

	private final RegisteredRedirects redirects;

	PasswordlessController(EmulatorDatabase database, SsoDirectory directory, SsoGrants grants, EmulatorJson json,
			EmulatorSettings settings, Outbox outbox, @Value("${gatehouse.base-url:}") @Nullable String appBaseUrl,
			RegisteredRedirects redirects) {
		this.redirects = redirects;
		this.jdbc = database.jdbc();
		this.directory = directory;
		this.grants = grants;
		this.json = json;
		this.settings = settings;
		this.outbox = outbox;
		this.appBaseUrl = StringUtils.hasText(appBaseUrl) ? appBaseUrl : null;
	}

	@PostMapping("/emulator/passwordless/sessions")
	Map<String, Object> create(@RequestBody Map<String, Object> body, HttpServletRequest request) {
		String email = text(body.get("email"));
		if (email == null || !email.contains("@")) {
			throw ApiFailure.of(HttpStatus.UNPROCESSABLE_ENTITY, "invalid_request_parameters", "email is required.");
		}
		String redirectUri = text(body.get("redirect_uri"));
		if (redirectUri != null && !redirects.allows(redirectUri, request)) {
			throw ApiFailure.of(HttpStatus.UNPROCESSABLE_ENTITY, "invalid_redirect_uri",
					"redirect_uri is not one of the application's registered redirect URIs.");
		}
		SsoDirectory.Connection connection = directory.connectionOfType("MagicLink").orElseThrow();
		int expiresIn = body.get("expires_in") instanceof Number n ? n.intValue() : DEFAULT_EXPIRES_IN;
		OffsetDateTime now = SsoDirectory.now();
		Session session = new Session(Ids.next("passwordless_session"), Ids.secret(), email.trim(), connection.id(),
				redirectUri, text(body.get("state")), null, now.plusSeconds(expiresIn));
		jdbc.sql("""
				insert into passwordless_sessions (id, token, email, connection_id, redirect_uri, state, expires_at, created_at)
				values (?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(session.id(), session.token(), session.email(), session.connectionId(), session.redirectUri(),
					session.state(), session.expiresAt(), now)
			.update();
		return json(session, request);
	}

	@PostMapping("/emulator/passwordless/sessions/{id}/send")
	Map<String, Object> send(@PathVariable String id, HttpServletRequest request) {
		Session session = session("id", id).orElseThrow(() -> ApiFailure.notFound("Passwordless Session", id));
		outbox.deliver("email", session.email(), "Sign in to your account\n\nClick this link to sign in: "
				+ link(session, request) + "\nIt expires in 10 minutes.");
		return Map.of("success", true);
	}

	/** The link in the e-mail: a browser page, not part of the API (no API key). */
	@GetMapping("/emulator/passwordless/{token}/confirm")
	@EmulatorApi.BrowserPage
	ModelAndView confirm(@PathVariable String token, HttpServletRequest request) {
		Optional<Session> found = session("token", token);
		if (found.isEmpty() || !found.get().expiresAt().isAfter(SsoDirectory.now())) {
			return problem("This sign-in link has expired", "Magic links work for a short time. Ask the application for a new one.");
		}
		Session session = found.get();
		String code = session.code();
		if (code == null || grants.liveCode(code).isEmpty()) {
			if (code != null) {
				return problem("This sign-in link was already used", "Each magic link signs you in once. Ask the application for a new one.");
			}
			SsoDirectory.Connection connection = directory.connection(session.connectionId()).orElseThrow();
			String idpId = "magic-" + session.email().toLowerCase(Locale.ROOT);
			Map<String, Object> profile = ApiShapes.profile(connection, idpId, session.email(), null, null, List.of(),
					Map.of("email", session.email()), false);
			code = grants.issueCode(settings.emulatorClientId(), null, json.write(profile));
			jdbc.sql("update passwordless_sessions set code = ? where id = ?").params(code, session.id()).update();
		}
		String redirectUri = session.redirectUri() != null ? session.redirectUri()
				: (appBaseUrl != null ? appBaseUrl : "http://localhost:" + request.getLocalPort()) + "/accounts/callback/magic";
		UriComponentsBuilder back = UriComponentsBuilder.fromUriString(redirectUri).queryParam("code", code);
		if (session.state() != null) {
			back.queryParam("state", session.state());
		}
		return new ModelAndView("redirect:" + back.encode().build().toUriString());
	}

	private static ModelAndView problem(String title, String detail) {
		return new ModelAndView("emulator/problem", Map.of("problemTitle", title, "detail", detail), HttpStatus.GONE);
	}

	private Optional<Session> session(String column, String value) {
		return jdbc.sql("select * from passwordless_sessions where " + ("id".equals(column) ? "id" : "token") + " = ?")
			.param(value)
			.query((rs, i) -> new Session(rs.getString("id"), rs.getString("token"), rs.getString("email"),
					rs.getString("connection_id"), rs.getString("redirect_uri"), rs.getString("state"), rs.getString("code"),
					rs.getObject("expires_at", OffsetDateTime.class)))
			.optional();
	}

	private Map<String, Object> json(Session session, HttpServletRequest request) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("object", "passwordless_session");
		json.put("id", session.id());
		json.put("email", session.email());
		json.put("expires_at", ApiShapes.timestamp(session.expiresAt()));
		json.put("link", link(session, request));
		return json;
	}

	private static String link(Session session, HttpServletRequest request) {
		return ServletUriComponentsBuilder.fromContextPath(request)
			.path("/emulator/passwordless/{token}/confirm")
			.buildAndExpand(session.token())
			.toUriString();
	}

	private static @Nullable String text(@Nullable Object value) {
		return value == null || value.toString().isBlank() ? null : value.toString().trim();
	}

}
