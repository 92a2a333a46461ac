package io.gatehouse.emulator;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The emulated SSO API: token exchange, profile, connections and organisations. */
@RestController
@EmulatorApi
@LocalModeOnly
@RequestMapping("/emulator")
class SsoApiController {

	private final SsoDirectory directory;

	private final SsoGrants grants;

	private final EmulatorJson json;

	private final EmulatorSettings settings;

	SsoApiController(SsoDirectory directory, SsoGrants grants, EmulatorJson json, EmulatorSettings settings) {
		this.directory = directory;
		this.grants = grants;
		this.json = json;
		this.settings = settings;
	}

	/** The real SDK posts JSON (and repeats {@code code} in the query); other clients post a form. */
	@PostMapping(path = "/sso/token", consumes = MediaType.APPLICATION_JSON_VALUE)
	Map<String, Object> tokenFromJson(@RequestBody Map<String, Object> body,
			@RequestParam(name = "code", required = false) @Nullable String queryCode) {
		return exchange(text(body.get("grant_type")), text(body.get("code")) != null ? text(body.get("code")) : queryCode,
				text(body.get("client_id")), text(body.get("client_secret")), text(body.get("code_verifier")));
	}

	@PostMapping(path = "/sso/token", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
	Map<String, Object> tokenFromForm(@RequestParam MultiValueMap<String, String> form) {
		return exchange(form.getFirst("grant_type"), form.getFirst("code"), form.getFirst("client_id"),
				form.getFirst("client_secret"), form.getFirst("code_verifier"));
	}

	@GetMapping("/sso/profile")
	@EmulatorApi.AccessTokenAuth
	Map<String, Object> profile(HttpServletRequest request) {
		String token = ApiGuard.bearer(request);
		return grants.profileOf(token != null ? token : "")
			.map(json::readObject)
			.orElseThrow(() -> ApiFailure.of(HttpStatus.UNAUTHORIZED, "unauthorized", "Unauthorized"));
	}

	@GetMapping("/connections")
	Map<String, Object> connections(@RequestParam(required = false) @Nullable Integer limit,
			@RequestParam(required = false) @Nullable String order,
			@RequestParam(required = false) @Nullable String before,
			@RequestParam(required = false) @Nullable String after,
			@RequestParam(name = "organization_id", required = false) @Nullable String organizationId,
			@RequestParam(name = "connection_type", required = false) @Nullable String connectionType,
			@RequestParam(required = false) @Nullable String domain) {
		List<SsoDirectory.Connection> matching = directory.connections()
			.stream()
			.filter(c -> organizationId == null || organizationId.equals(c.organizationId()))
			.filter(c -> connectionType == null || connectionType.equalsIgnoreCase(c.type()))
			.filter(c -> domain == null || domainsOf(c).stream().anyMatch(d -> d.domain().equalsIgnoreCase(domain)))
			.toList();
		return ApiShapes.page(matching, SsoDirectory.Connection::id, c -> ApiShapes.connection(c, domainsOf(c)), limit,
				order, before, after);
	}

	@GetMapping("/connections/{id}")
	Map<String, Object> connection(@PathVariable String id) {
		SsoDirectory.Connection connection = directory.connection(id)
			.orElseThrow(() -> ApiFailure.notFound("Connection", id));
		return ApiShapes.connection(connection, domainsOf(connection));
	}

	@GetMapping("/organizations")
	Map<String, Object> organizations(@RequestParam(required = false) @Nullable Integer limit,
			@RequestParam(required = false) @Nullable String order,
			@RequestParam(required = false) @Nullable String before,
			@RequestParam(required = false) @Nullable String after) {
		return ApiShapes.page(directory.organizations(), SsoDirectory.Organization::id, ApiShapes::organization, limit,
				order, before, after);
	}

	@GetMapping("/organizations/{id}")
	Map<String, Object> organization(@PathVariable String id) {
		return ApiShapes.organization(directory.organization(id).orElseThrow(() -> ApiFailure.notFound("Organization", id)));
	}

	private Map<String, Object> exchange(@Nullable String grantType, @Nullable String code, @Nullable String clientId,
			@Nullable String clientSecret, @Nullable String codeVerifier) {
		if (!"authorization_code".equals(grantType)) {
			throw ApiFailure.oauth("unsupported_grant_type", "grant_type must be authorization_code.");
		}
		if (code == null || code.isBlank()) {
			throw ApiFailure.oauth("invalid_request", "code is required.");
		}
		SsoGrants.IssuedCode issued = grants.liveCode(code).orElseThrow(ApiFailure::invalidGrant);
		if (!settings.emulatorClientId().equals(clientId) || !issued.clientId().equals(clientId)) {
			throw ApiFailure.oauth("invalid_client", "The client_id is missing or does not match the code.");
		}
		if (issued.codeChallenge() != null) {
			if (codeVerifier == null || !constantTimeEquals(issued.codeChallenge(), s256(codeVerifier))) {
				throw ApiFailure.oauth("invalid_grant", "The code_verifier does not match the code_challenge.");
			}
		}
		else if (clientSecret == null || !constantTimeEquals(settings.emulatorApiKey(), clientSecret)) {
			throw ApiFailure.oauth("invalid_client", "The client_secret is missing or wrong.");
		}
		if (!grants.redeem(code)) {
			throw ApiFailure.invalidGrant();
		}
		Map<String, Object> response = new LinkedHashMap<>();
		response.put("token_type", "Bearer");
		response.put("access_token", grants.issueAccessToken(issued.profileJson()));
		response.put("expires_in", grants.accessTokenLifetimeSeconds());
		response.put("profile", json.readObject(issued.profileJson()));
		return response;
	}

	private List<SsoDirectory.Domain> domainsOf(SsoDirectory.Connection connection) {
		return connection.organizationId() == null ? List.of()
				: directory.organization(connection.organizationId()).map(SsoDirectory.Organization::domains).orElse(List.of());
	}

	static String s256(String verifier) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
			return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
		}
		catch (java.security.NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	private static boolean constantTimeEquals(String expected, String presented) {
		return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), presented.getBytes(StandardCharsets.UTF_8));
	}

	private static @Nullable String text(@Nullable Object value) {
		return value == null ? null : value.toString();
	}

}
