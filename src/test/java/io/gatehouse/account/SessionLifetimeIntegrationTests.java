package io.gatehouse.account;

import java.time.Duration;
import java.util.List;

import io.gatehouse.mfa.Factors;
import io.gatehouse.support.GatehouseIntegrationTest;
import io.gatehouse.support.MovableClock;
import io.gatehouse.support.SignedInAs;
import io.gatehouse.support.TestBrowser;
import io.gatehouse.support.TestBrowser.Page;
import io.gatehouse.support.TotpCodes;
import io.gatehouse.workos.TotpEnrolment;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Absolute session lifetimes (1 hour after a second factor, 3 hours without, in this context), measured with a clock
 * the test moves; and the session cookie behind a TLS-terminating proxy (forwarded headers on).
 */
@GatehouseIntegrationTest
@TestPropertySource(properties = { "spring.application.name=gatehouse-session-lifetime",
		"gatehouse.sessions.absolute-timeout=1h", "gatehouse.sessions.absolute-timeout-without-second-factor=3h",
		"server.forward-headers-strategy=native" })
@Import(MovableClock.Configuration.class)
class SessionLifetimeIntegrationTests {

	static final String PASSWORD = "session-lifetime-password";

	static final String BROWSER_ACCEPT = "text/html,application/json;q=0.9";

	@LocalServerPort
	int port;

	@Autowired
	Accounts accounts;

	@Autowired
	Passwords passwords;

	@Autowired
	Factors factors;

	@Autowired
	MovableClock clock;

	/** A person with an authenticator app; returns its secret. */
	String withAuthenticatorApp(String email) {
		long id = accounts.createLocalUser(email, "Life", "Time", passwords.hash(PASSWORD), List.of());
		TotpEnrolment app = factors.startTotp("Gatehouse", email);
		assertThat(factors.confirmTotp(id, email, app.factorId(), TotpCodes.code(app.secret(), -1))).isTrue();
		return app.secret();
	}

	@Test
	void aSecondFactorSessionEndsAtItsAbsoluteLifetimeHoweverActive() {
		String email = "two.factor@session-lifetime.example";
		TestBrowser browser = SignedInAs.passwordAndApp(port, email, PASSWORD, withAuthenticatorApp(email));
		Page account = browser.get("/account");
		assertThat(account.status()).isEqualTo(200);
		assertThat(account.body()).contains("and a second factor").contains("class=\"session-ends\"");

		clock.advance(Duration.ofMinutes(59));
		assertThat(browser.get("/account").status()).as("still inside the hour").isEqualTo(200);
		clock.advance(Duration.ofMinutes(2));
		Page expired = browser.get("/account");

		assertThat(expired.location()).endsWith("/accounts/login?expired");
		assertThat(browser.get(expired.location()).body()).contains("id=\"session-expired\"");
		assertThat(browser.get("/account").location()).as("the session is gone, not just refused").contains("/accounts/login?next=");
	}

	@Test
	void sessionsWithoutASecondFactorHaveTheirOwnLimitAndApiClientsGet401() {
		String email = "one.factor@session-lifetime.example";
		accounts.createLocalUser(email, "One", "Factor", passwords.hash(PASSWORD), List.of());
		String mfaEmail = "api.client@session-lifetime.example";
		TestBrowser withSecondFactor = SignedInAs.passwordAndApp(port, mfaEmail, PASSWORD, withAuthenticatorApp(mfaEmail));
		TestBrowser passwordOnly = SignedInAs.password(port, email, PASSWORD);

		clock.advance(Duration.ofMinutes(61));
		assertThat(withSecondFactor.get("/account", "application/json").status()).isEqualTo(401);
		assertThat(passwordOnly.get("/account").status()).as("3 hours without a second factor").isEqualTo(200);
		clock.advance(Duration.ofHours(2));

		assertThat(passwordOnly.get("/account").location()).endsWith("/accounts/login?expired");
	}

	@Test
	void actuatorWhenAnAdministratorsSessionOutlivedItsLifetimeThenRefusedAsOnTheAccountPage() {
		String email = "admin@session-lifetime.example";
		if (accounts.findForLogin(email, true, false).isEmpty()) {
			accounts.createAdmin(email, passwords.hash(PASSWORD));
		}
		TestBrowser apiClient = SignedInAs.password(port, email, PASSWORD);
		TestBrowser browser = SignedInAs.password(port, email, PASSWORD);
		assertThat(apiClient.get("/actuator/metrics", "application/json").status()).isEqualTo(200);
		assertThat(browser.get("/actuator/metrics", BROWSER_ACCEPT).status()).isEqualTo(200);

		clock.advance(Duration.ofHours(3).plusMinutes(1));

		assertThat(apiClient.get("/actuator/metrics", "application/json").status()).isEqualTo(401);
		assertThat(apiClient.get("/actuator/metrics", "application/json").status()).as("the session is gone").isEqualTo(401);
		assertThat(browser.get("/actuator/metrics", BROWSER_ACCEPT).location()).endsWith("/accounts/login?expired");
		assertThat(browser.get("/account").location()).as("ended, not just refused").contains("/accounts/login?next=");
	}

	@Test
	void theSessionCookieIsSecureWhenAProxySaysTheRequestCameOverHttps() {
		Page overHttps = new TestBrowser(port).header("X-Forwarded-Proto", "https").get("/accounts/login");
		Page overHttp = new TestBrowser(port).get("/accounts/login");

		assertThat(sessionCookie(overHttps)).contains("; Secure").containsIgnoringCase("; HttpOnly").contains("; SameSite=Lax");
		assertThat(sessionCookie(overHttp)).doesNotContainIgnoringCase("Secure").containsIgnoringCase("; HttpOnly");
	}

	static String sessionCookie(Page page) {
		return page.headers().entrySet().stream()
			.filter(e -> e.getKey().equalsIgnoreCase("Set-Cookie"))
			.flatMap(e -> e.getValue().stream())
			.filter(c -> c.startsWith("SESSION="))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no SESSION cookie: " + page.headers()));
	}

}
