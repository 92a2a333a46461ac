package io.gatehouse.emulator;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * An emulated Okta OpenID Connect provider at {@code /emulator/oidc}: discovery, JWKS, authorize (the same test IdP
 * page, listing the "Okta (OIDC)" people), a token endpoint issuing RS256-signed ID tokens with the request's nonce,
 * and an end-session endpoint. Its signing key is made at start.
 */
@Controller
@LocalModeOnly
class OidcProviderController {

	private static final String BASE = "/emulator/oidc";

	private final RSAKey signingKey;

	private final SsoDirectory directory;

	private final SsoGrants grants;

	private final EmulatorJson json;

	private final EmulatorSettings settings;

	private final TestIdpController pages;

	private final RegisteredRedirects redirects;

	OidcProviderController(SsoDirectory directory, SsoGrants grants, EmulatorJson json, EmulatorSettings settings,
			TestIdpController pages, RegisteredRedirects redirects) throws JOSEException {
		this.redirects = redirects;
		this.directory = directory;
		this.grants = grants;
		this.json = json;
		this.settings = settings;
		this.pages = pages;
		this.signingKey = new RSAKeyGenerator(2048).keyID("emulator-" + Instant.now().getEpochSecond()).generate();
	}

	@org.springframework.web.bind.annotation.ExceptionHandler
	org.springframework.web.servlet.ModelAndView on(TestIdpController.PageProblem problem) {
		return pages.on(problem);
	}

	static String issuer(HttpServletRequest request) {
		return "http://127.0.0.1:" + request.getLocalPort() + BASE;
	}

	@GetMapping(path = BASE + "/.well-known/openid-configuration", produces = MediaType.APPLICATION_JSON_VALUE)
	@ResponseBody
	Map<String, Object> discovery(HttpServletRequest request) {
		String issuer = issuer(request);
		Map<String, Object> config = new LinkedHashMap<>();
		config.put("issuer", issuer);
		config.put("authorization_endpoint", issuer + "/authorize");
		config.put("token_endpoint", issuer + "/token");
		config.put("jwks_uri", issuer + "/keys");
		config.put("end_session_endpoint", issuer + "/logout");
		config.put("response_types_supported", List.of("code"));
		config.put("subject_types_supported", List.of("public"));
		config.put("id_token_signing_alg_values_supported", List.of("RS256"));
		config.put("scopes_supported", List.of("openid", "email", "profile"));
		config.put("token_endpoint_auth_methods_supported", List.of("client_secret_basic", "client_secret_post"));
		config.put("code_challenge_methods_supported", List.of("S256"));
		config.put("claims_supported", List.of("sub", "email", "email_verified", "name", "given_name", "family_name", "groups"));
		return config;
	}

	@GetMapping(path = BASE + "/keys", produces = MediaType.APPLICATION_JSON_VALUE)
	@ResponseBody
	Map<String, Object> keys() {
		return new JWKSet(signingKey.toPublicJWK()).toJSONObject();
	}

	@GetMapping(BASE + "/authorize")
	String authorize(@RequestParam(name = "client_id", required = false) @Nullable String clientId,
			@RequestParam(name = "redirect_uri", required = false) @Nullable String redirectUri,
			@RequestParam(name = "response_type", required = false) @Nullable String responseType,
			@RequestParam(required = false) @Nullable String scope,
			@RequestParam(required = false) @Nullable String state,
			@RequestParam(required = false) @Nullable String nonce,
			@RequestParam(name = "code_challenge", required = false) @Nullable String codeChallenge,
			@RequestParam(name = "login_hint", required = false) @Nullable String loginHint, Model model,
			HttpServletRequest http) {
		if (!settings.emulatorOktaClientId().equals(clientId) || !redirects.allows(redirectUri, http)) {
			throw new TestIdpController.PageProblem("Unknown application",
					"The client_id or redirect_uri of this sign-in request is not registered with this Okta.");
		}
		if (!"code".equals(responseType) || scope == null || !List.of(scope.split(" ")).contains("openid")) {
			return "redirect:" + UriComponentsBuilder.fromUriString(redirectUri)
				.queryParam("error", "invalid_request")
				.queryParam("state", state)
				.encode()
				.build()
				.toUriString();
		}
		SsoDirectory.Connection okta = directory.connectionOfType("OktaOIDC").orElseThrow();
		SsoGrants.AuthorizationRequest request = grants.openRequest(okta.id(), clientId, redirectUri, state,
				codeChallenge, loginHint, nonce != null ? nonce : "");
		return pages.page(model, request, okta, new TestIdpController.CustomPerson(loginHint, null, null, "{}", null),
				Map.of());
	}

	@PostMapping(path = BASE + "/token", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
	@ResponseBody
	ResponseEntity<Map<String, Object>> token(@RequestParam MultiValueMap<String, String> form,
			@RequestHeader(name = "Authorization", required = false) @Nullable String authorization,
			HttpServletRequest request) throws JOSEException {
		String[] client = clientCredentials(authorization, form);
		if (client == null || !settings.emulatorOktaClientId().equals(client[0])
				|| !MessageDigest.isEqual(settings.emulatorOktaClientSecret().getBytes(StandardCharsets.UTF_8),
						client[1].getBytes(StandardCharsets.UTF_8))) {
			return error(HttpStatus.UNAUTHORIZED, "invalid_client", "Client authentication failed.");
		}
		if (!"authorization_code".equals(form.getFirst("grant_type"))) {
			return error(HttpStatus.BAD_REQUEST, "unsupported_grant_type", "grant_type must be authorization_code.");
		}
		String code = form.getFirst("code");
		Optional<SsoGrants.IssuedCode> issued = code == null ? Optional.empty() : grants.liveCode(code);
		if (issued.isEmpty() || issued.get().nonce() == null || !client[0].equals(issued.get().clientId())
				|| !String.valueOf(issued.get().redirectUri()).equals(form.getFirst("redirect_uri"))) {
			return error(HttpStatus.BAD_REQUEST, "invalid_grant", "The authorization code is invalid or has expired.");
		}
		if (issued.get().codeChallenge() != null) {
			String verifier = form.getFirst("code_verifier");
			if (verifier == null || !SsoApiController.s256(verifier).equals(issued.get().codeChallenge())) {
				return error(HttpStatus.BAD_REQUEST, "invalid_grant", "PKCE verification failed.");
			}
		}
		if (!grants.redeem(code)) {
			return error(HttpStatus.BAD_REQUEST, "invalid_grant", "The authorization code is invalid or has expired.");
		}
		Map<String, Object> profile = json.readObject(issued.get().profileJson());
		Object simulate = profile.get("_simulate");
		Instant now = Instant.now();
		JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
			.issuer("oidc_wrong_issuer".equals(simulate) ? "https://evil.example/oauth2/default" : issuer(request))
			.subject(String.valueOf(profile.get("idp_id")))
			.audience("oidc_wrong_audience".equals(simulate) ? "someone-else" : client[0])
			.issueTime(Date.from(now))
			.expirationTime(Date.from(now.plusSeconds(3600)))
			.claim("email", profile.get("email"))
			.claim("email_verified", !"oidc_email_unverified".equals(simulate))
			.claim("given_name", profile.get("first_name"))
			.claim("family_name", profile.get("last_name"))
			.claim("name", profile.get("name"))
			.claim("groups", profile.get("groups"));
		if (!issued.get().nonce().isEmpty()) {
			claims.claim("nonce", "oidc_wrong_nonce".equals(simulate) ? "not-the-nonce" : issued.get().nonce());
		}
		SignedJWT idToken = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(signingKey.getKeyID()).build(),
				claims.build());
		idToken.sign(new RSASSASigner(signingKey));
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("token_type", "Bearer");
		body.put("expires_in", 3600);
		body.put("access_token", "okta_at_" + Ids.secret());
		body.put("scope", "openid email profile");
		body.put("id_token", idToken.serialize());
		return ResponseEntity.ok().header("Cache-Control", "no-store").body(body);
	}

	/**
	 * End-session: there is no Okta session to end here, so it only returns to the application, and only to a
	 * registered post-logout URI, as Okta does.
	 */
	@GetMapping(BASE + "/logout")
	String logout(@RequestParam(name = "post_logout_redirect_uri", required = false) @Nullable String back,
			HttpServletRequest request) {
		if (back == null) {
			return "emulator/signed-out";
		}
		if (!redirects.allows(back, request)) {
			throw new TestIdpController.PageProblem("Invalid post_logout_redirect_uri",
					"The post_logout_redirect_uri is not one of the application's registered sign-out redirect URIs.");
		}
		return "redirect:" + back;
	}

	private static String @Nullable [] clientCredentials(@Nullable String authorization, MultiValueMap<String, String> form) {
		if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
			String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
			int colon = decoded.indexOf(':');
			if (colon > 0) {
				return new String[] { java.net.URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8),
						java.net.URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8) };
			}
		}
		String id = form.getFirst("client_id");
		String secret = form.getFirst("client_secret");
		return id != null && secret != null ? new String[] { id, secret } : null;
	}

	private static ResponseEntity<Map<String, Object>> error(HttpStatus status, String error, String description) {
		return ResponseEntity.status(status).body(Map.of("error", error, "error_description", description));
	}

}
