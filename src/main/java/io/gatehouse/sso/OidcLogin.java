package io.gatehouse.sso;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.gatehouse.account.Accounts;
import io.gatehouse.account.ExternalIdentity;
import io.gatehouse.account.SignInRefused;
import io.gatehouse.account.SignedInUser;
import io.gatehouse.login.OidcLauncher;
import io.gatehouse.login.SafeRedirects;
import io.gatehouse.login.SignIns;
import io.gatehouse.settings.GatehouseSettings;
import io.gatehouse.settings.PublicUrls;
import io.gatehouse.workos.SsoProfile;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.logout.LogoutHandler;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;
import org.springframework.stereotype.Component;

/**
 * Direct OpenID Connect sign-in (Okta) with Spring Security's {@code oauth2Login}: the {@code okta} client
 * registration (from {@code OKTA_*}, or in local mode the emulated Okta), built on first use; {@code login_hint}
 * passed on; and the success handler that links the identity by (issuer, {@code sub}), never by email alone, and
 * applies the login rules, JIT and saved attributes as for SSO. PKCE, state, nonce and the {@code iss}/{@code aud}
 * checks are Spring Security's.
 */
@Component
public class OidcLogin implements OidcLauncher, ClientRegistrationRepository {

	static final String REGISTRATION = "okta";

	private static final String NEXT = OidcLogin.class.getName() + ".next";

	/** The ID token of an OIDC sign-in, kept for RP-initiated logout ({@code id_token_hint}). */
	private static final String ID_TOKEN = OidcLogin.class.getName() + ".idToken";

	private static final Logger LOG = LoggerFactory.getLogger(OidcLogin.class);

	private final GatehouseSettings settings;

	private final PublicUrls urls;

	private final Accounts accounts;

	private final SsoProvisioning provisioning;

	private final SignIns signIns;

	private volatile @Nullable ClientRegistration registration;

	OidcLogin(GatehouseSettings settings, PublicUrls urls, Accounts accounts, SsoProvisioning provisioning,
			SignIns signIns) {
		this.settings = settings;
		this.urls = urls;
		this.accounts = accounts;
		this.provisioning = provisioning;
		this.signIns = signIns;
	}

	@Override
	public boolean available() {
		return settings.okta().configured() || settings.localMode();
	}

	@Override
	public String launch(HttpServletRequest request, String loginHint, String next) {
		request.getSession().setAttribute(NEXT, next);
		return "/oauth2/authorization/" + REGISTRATION + "?login_hint=" + URLEncoder.encode(loginHint, StandardCharsets.UTF_8);
	}

	@Override
	public @Nullable ClientRegistration findByRegistrationId(String registrationId) {
		if (!REGISTRATION.equals(registrationId) || !available()) {
			return null;
		}
		ClientRegistration current = registration;
		if (current == null) {
			synchronized (this) {
				if (registration == null) {
					registration = build();
				}
				current = registration;
			}
		}
		return current;
	}

	private ClientRegistration build() {
		String redirectUri = urls.absolute("/login/oauth2/code/" + REGISTRATION);
		ClientRegistration.ClientSettings pkce = ClientRegistration.ClientSettings.builder().requireProofKey(true).build();
		GatehouseSettings.Okta okta = settings.okta();
		if (okta.configured()) {
			return ClientRegistrations.fromIssuerLocation(okta.issuer().toString())
				.registrationId(REGISTRATION)
				.clientName("Okta")
				.clientId(okta.clientId())
				.clientSecret(okta.clientSecret())
				.redirectUri(redirectUri)
				.scope("openid", "email", "profile")
				.clientSettings(pkce)
				.build();
		}
		String issuer = urls.workosApiBaseUrl() + "/oidc";
		return ClientRegistration.withRegistrationId(REGISTRATION)
			.clientName("Okta (emulated)")
			.clientId(settings.local().emulatorOktaClientId())
			.clientSecret(settings.local().emulatorOktaClientSecret())
			.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
			.redirectUri(redirectUri)
			.scope("openid", "email", "profile")
			.authorizationUri(issuer + "/authorize")
			.tokenUri(issuer + "/token")
			.jwkSetUri(issuer + "/keys")
			.issuerUri(issuer)
			.userNameAttributeName("sub")
			.clientSettings(pkce)
			.build();
	}

	/** Passes the typed username on as {@code login_hint}. */
	public OAuth2AuthorizationRequestResolver authorizationRequestResolver() {
		DefaultOAuth2AuthorizationRequestResolver defaults = new DefaultOAuth2AuthorizationRequestResolver(this,
				"/oauth2/authorization");
		return new OAuth2AuthorizationRequestResolver() {
			@Override
			public @Nullable OAuth2AuthorizationRequest resolve(HttpServletRequest request) {
				return withHint(defaults.resolve(request), request);
			}

			@Override
			public @Nullable OAuth2AuthorizationRequest resolve(HttpServletRequest request, String registrationId) {
				return withHint(defaults.resolve(request, registrationId), request);
			}
		};
	}

	private static @Nullable OAuth2AuthorizationRequest withHint(@Nullable OAuth2AuthorizationRequest request,
			HttpServletRequest http) {
		String hint = http.getParameter("login_hint");
		if (request == null || hint == null || hint.isBlank() || hint.length() > 320) {
			return request;
		}
		return OAuth2AuthorizationRequest.from(request).additionalParameters(p -> p.put("login_hint", hint)).build();
	}

	/** After Spring Security verified the ID token: link, provision and sign in by the rules. */
	public AuthenticationSuccessHandler successHandler() {
		return this::succeeded;
	}

	/** A provider error, or a token that failed verification: a friendly page, no session. */
	public AuthenticationFailureHandler failureHandler() {
		return (request, response, exception) -> {
			LOG.info("OIDC sign-in failed: {}", exception.getClass().getSimpleName());
			fail(request, response, SsoFailure.IDP_ERROR, null);
		};
	}

	private void succeeded(HttpServletRequest request, HttpServletResponse response, Authentication authentication)
			throws IOException {
		if (!(authentication.getPrincipal() instanceof OidcUser user) || user.getEmail() == null) {
			fail(request, response, SsoFailure.PROFILE_UNREADABLE, null);
			return;
		}
		String issuer = String.valueOf(user.getIdToken().getIssuer());
		Map<String, Object> claims = new LinkedHashMap<>();
		user.getIdToken().getClaims().forEach((k, v) -> {
			if (!List.of("nonce", "at_hash", "c_hash").contains(k)) {
				claims.put(k, String.valueOf(v));
			}
		});
		List<String> groups = user.getClaimAsStringList("groups") != null ? user.getClaimAsStringList("groups") : List.of();
		SsoProfile profile = new SsoProfile(user.getSubject(), user.getSubject(), issuer, "OIDC", null, user.getEmail(),
				user.getGivenName(), user.getFamilyName(), groups, claims);
		ExternalIdentity identity = new ExternalIdentity(issuer, user.getSubject(), "OIDC", null, user.getEmail(),
				user.getGivenName(), user.getFamilyName(), claims);
		if (!accounts.isLinked(issuer, user.getSubject()) && !Boolean.TRUE.equals(user.getEmailVerified())) {
			// Linking is by (issuer, sub); a first link goes by email only when the provider vouches it verified it.
			fail(request, response, SsoFailure.EMAIL_UNVERIFIED, user.getEmail());
			return;
		}
		Optional<SsoProvisioning.Admission> allowed = provisioning.decide(identity, profile);
		if (allowed.isEmpty()) {
			fail(request, response, SsoFailure.RULE_MISMATCH, user.getEmail());
			return;
		}
		SignedInUser signedIn;
		try {
			signedIn = accounts.signIn(identity, allowed.get().provisioning());
		}
		catch (SignInRefused e) {
			fail(request, response, SsoFailure.valueOf(e.reason().name()), user.getEmail());
			return;
		}
		Object next = request.getSession().getAttribute(NEXT);
		request.getSession().removeAttribute(NEXT);
		String target = signIns.succeed(request, response, signedIn, "oidc", issuer, allowed.get().ruleName(),
				next instanceof String n ? n : SafeRedirects.DEFAULT_TARGET);
		request.getSession().setAttribute(ID_TOKEN, user.getIdToken().getTokenValue());
		response.sendRedirect(target);
	}

	/**
	 * Logout for people who signed in with OIDC ends their Okta session too (RP-initiated logout): remembers the ID
	 * token before the session goes, then sends the browser to the provider's end-session endpoint, which returns it to
	 * the login page. Everyone else goes straight to the login page.
	 */
	public LogoutHandler rememberIdTokenForLogout() {
		return (request, response, authentication) -> {
			jakarta.servlet.http.HttpSession session = request.getSession(false);
			if (session != null && session.getAttribute(ID_TOKEN) instanceof String token) {
				request.setAttribute(ID_TOKEN, token);
			}
		};
	}

	public LogoutSuccessHandler logoutSuccessHandler(String signedOutPath) {
		return (request, response, authentication) -> {
			String loginPage = urls.absolute(signedOutPath);
			Object idToken = request.getAttribute(ID_TOKEN);
			ClientRegistration okta = idToken == null ? null : findByRegistrationId(REGISTRATION);
			Object endSession = okta == null ? null
					: okta.getProviderDetails().getConfigurationMetadata().getOrDefault("end_session_endpoint",
							settings.okta().configured() ? null : okta.getProviderDetails().getIssuerUri() + "/logout");
			if (endSession == null) {
				response.sendRedirect(loginPage);
				return;
			}
			response.sendRedirect(org.springframework.web.util.UriComponentsBuilder.fromUriString(endSession.toString())
				.queryParam("id_token_hint", idToken)
				.queryParam("post_logout_redirect_uri", loginPage)
				.encode()
				.build()
				.toUriString());
		};
	}

	private void fail(HttpServletRequest request, HttpServletResponse response, SsoFailure failure,
			@Nullable String subject) throws IOException {
		signIns.discard(request, response);
		signIns.fail("oidc", failure.code(), subject);
		response.sendRedirect(request.getContextPath() + "/accounts/oidc-failed?reason=" + failure.code());
	}

}
