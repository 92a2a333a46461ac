package io.gatehouse.config;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

import io.gatehouse.settings.GatehouseSettings;
import io.gatehouse.settings.PublicUrls;
import io.gatehouse.sso.OidcLogin;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.DelegatingAuthenticationEntryPoint;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.savedrequest.NullRequestCache;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;

import static org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher.pathPattern;

/**
 * Two chains: the embedded WorkOS emulator (local mode only, API without CSRF) and the app. Browsers that need to
 * sign in are sent to {@code /accounts/login?next=…}; other clients get 401.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	private static final String CSP_HEADER = "Content-Security-Policy";

	/**
	 * The emulator stands in for WorkOS and a customer's IdP, which live on other origins: its API takes bearer keys,
	 * not cookies, so only its own pages' forms ({@code /emulator/ui/**}) carry CSRF tokens.
	 */
	/**
	 * Local mode answers only to this machine's names: a page on another site that rebinds its DNS name to 127.0.0.1
	 * would otherwise be same-origin with Gatehouse and the emulator in the developer's browser (DNS rebinding), read
	 * the outbox and sign in. Other names get 400. Exposed local mode and connected mode accept any host name.
	 */
	@Bean
	HttpFirewall firewall(GatehouseSettings settings) {
		StrictHttpFirewall firewall = new StrictHttpFirewall();
		if (settings.localMode() && !settings.local().exposed()) {
			Set<String> names = new HashSet<>(Set.of("localhost", "127.0.0.1", "[::1]", "::1"));
			if (settings.baseUrl() != null && settings.baseUrl().getHost() != null) {
				names.add(settings.baseUrl().getHost().toLowerCase(Locale.ROOT));
			}
			firewall.setAllowedHostnames(name -> name != null && names.contains(name.toLowerCase(Locale.ROOT)));
		}
		return firewall;
	}

	@Bean
	@Order(1)
	SecurityFilterChain emulatorChain(HttpSecurity http, PublicUrls urls, GatehouseSettings settings) throws Exception {
		ContentSecurityPolicy policy = new ContentSecurityPolicy(urls, settings);
		// @formatter:off
		http.securityMatcher("/emulator/**")
			.authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
			.csrf(csrf -> csrf.requireCsrfProtectionMatcher(request ->
					"POST".equals(request.getMethod()) && pathPattern("/emulator/ui/**").matches(request)))
			.requestCache(cache -> cache.requestCache(new NullRequestCache()))
			.headers(headers -> headers
				.addHeaderWriter((request, response) -> response.setHeader(CSP_HEADER, policy.emulator()))
				.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)));
		// @formatter:on
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain appChain(HttpSecurity http, OidcLogin oidc, PublicUrls urls, GatehouseSettings settings)
			throws Exception {
		ContentSecurityPolicy policy = new ContentSecurityPolicy(urls, settings);
		// @formatter:off
		http
			.authorizeHttpRequests(requests -> requests
				.requestMatchers("/accounts/login", "/accounts/login/**", "/accounts/login-method", "/accounts/enroll",
						"/accounts/enroll-totp", "/accounts/enroll-sms", "/accounts/enroll-sms/confirm", "/accounts/verify",
						"/accounts/verify/**", "/accounts/password-reset", "/accounts/password-reset/*",
						"/accounts/email-verify", "/accounts/email-verify/send", "/accounts/oidc-failed", "/accounts/callback/**",
						"/accounts/logout", "/error", "/webjars/**", "/css/**", "/js/**", "/images/**",
						"/favicon.ico", "/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
				.requestMatchers("/actuator/**").hasRole("ADMIN")
				.requestMatchers("/admin/login").permitAll()
				.requestMatchers(org.springframework.http.HttpMethod.POST, "/webhooks/workos").permitAll()
				.requestMatchers("/admin/**", "/directories/**").hasRole("ADMIN")
				.anyRequest().authenticated())
			.oauth2Login(login -> login
				.loginPage("/accounts/login")
				.clientRegistrationRepository(oidc)
				.authorizationEndpoint(endpoint -> endpoint.authorizationRequestResolver(oidc.authorizationRequestResolver()))
				.successHandler(oidc.successHandler())
				.failureHandler(oidc.failureHandler()))
			// WorkOS signs its webhooks; it has no session to carry a CSRF token.
			.csrf(csrf -> csrf.ignoringRequestMatchers(pathPattern(org.springframework.http.HttpMethod.POST, "/webhooks/workos")))
			.exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(entryPoint()))
			.requestCache(cache -> cache.requestCache(new NullRequestCache()))
			.logout(logout -> logout
				.logoutRequestMatcher(pathPattern(org.springframework.http.HttpMethod.POST, "/accounts/logout"))
				.addLogoutHandler(oidc.rememberIdTokenForLogout())
				.logoutSuccessHandler(oidc.logoutSuccessHandler("/accounts/login?signedOut")))
			.headers(headers -> headers
				.addHeaderWriter((request, response) -> response.setHeader(CSP_HEADER, policy.app()))
				.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)));
		// @formatter:on
		return http.build();
	}

	private static AuthenticationEntryPoint entryPoint() {
		AuthenticationEntryPoint browsers = SecurityConfiguration::redirectToLogin;
		return DelegatingAuthenticationEntryPoint.builder()
			.addEntryPointFor(browsers, new MediaTypeRequestMatcher(MediaType.TEXT_HTML))
			.defaultEntryPoint(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED))
			.build();
	}

	private static void redirectToLogin(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException e) throws IOException {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		if (request.getQueryString() != null) {
			path += "?" + request.getQueryString();
		}
		response.sendRedirect(request.getContextPath() + "/accounts/login?next="
				+ URLEncoder.encode(path, StandardCharsets.UTF_8));
	}

}
