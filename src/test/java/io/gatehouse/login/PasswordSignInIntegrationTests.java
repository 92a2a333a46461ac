package io.gatehouse.login;

import java.util.List;
import java.util.Map;

import io.gatehouse.account.Accounts;
import io.gatehouse.account.Passwords;
import io.gatehouse.support.GatehouseIntegrationTest;
import io.gatehouse.support.SsoJourney;
import io.gatehouse.support.TestBrowser;
import io.gatehouse.support.TestBrowser.Page;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

/** Password sign-in as the local-mode rules route it: step 1, then the password step. */
@GatehouseIntegrationTest
class PasswordSignInIntegrationTests {

	static final String DEMO_USER = "demo.user@example.test";

	static final String DEMO_PASSWORD = "gatehouse-demo-password";

	@LocalServerPort
	int port;

	@Autowired
	Accounts accounts;

	@Autowired
	Passwords passwords;

	@Autowired
	JdbcClient jdbc;

	TestBrowser browser;

	@BeforeEach
	void newBrowser() {
		browser = new TestBrowser(port);
	}

	Page passwordStep(String username) {
		Page toPassword = new SsoJourney(browser).identify(username, "");
		assertThat(toPassword.location()).endsWith("/accounts/login/password");
		return browser.get(toPassword.location());
	}

	Page signIn(String username, String password) {
		Page step = passwordStep(username);
		return browser.submit(step, "/accounts/login/password", Map.of("password", password));
	}

	@Test
	void passwordUserWithTheRightPasswordLandsOnTheirAccount() {
		Page answer = signIn(DEMO_USER, DEMO_PASSWORD);

		assertThat(answer.status()).isEqualTo(302);
		assertThat(answer.location()).endsWith("/account");
		assertThat(browser.get("/account").find("id=\"profile-email\">([^<]+)")).contains(DEMO_USER);
	}

	@Test
	void wrongPasswordAndUnknownUserGetTheSameGenericError() {
		Page wrong = signIn(DEMO_USER, "not-the-password");
		browser.forgetCookies();
		Page unknown = signIn("nobody@example.test", "whatever-password");

		assertThat(wrong.status()).isEqualTo(200);
		assertThat(wrong.find("id=\"login-error\">([^<]+)")).contains("Incorrect username or password.");
		assertThat(unknown.find("id=\"login-error\">([^<]+)")).isEqualTo(wrong.find("id=\"login-error\">([^<]+)"));
		assertThat(browser.get("/account").status()).isEqualTo(302);
	}

	@Test
	void personWhoseRuleSaysSsoIsSentToTheirIdpEvenWithAPassword() {
		accounts.createLocalUser("has.password@acme.test", "Has", "Password", passwords.hash("a-strong-password"),
				List.of());

		Page answer = new SsoJourney(browser).identify("has.password@acme.test", "");

		assertThat(answer.location()).contains("/emulator/sso/authorize?");
		assertThat(browser.get("/accounts/login/password").location()).endsWith("/accounts/login");
	}

	@Test
	void bcryptHashesAreAcceptedAndUpgradedToArgon2() {
		String bcrypt = "{bcrypt}" + new BCryptPasswordEncoder().encode("legacy-password-1");
		long id = accounts.createLocalUser("legacy.user@example.test", "Legacy", "User", bcrypt, List.of());

		assertThat(signIn("legacy.user@example.test", "legacy-password-1").location()).endsWith("/account");
		String hash = jdbc.sql("select password_hash from users where id = ?").param(id).query(String.class).single();
		assertThat(hash).startsWith("{argon2}$argon2id$v=19$m=19456,t=2,p=1$");
	}

	@Test
	void usernameCanBeTypedInsteadOfEmail() {
		long id = accounts.createLocalUser("named.user@example.test", null, null, passwords.hash("named-password-1"),
				List.of());
		jdbc.sql("update users set username = 'nameduser' where id = ?").param(id).update();

		assertThat(signIn("NamedUser", "named-password-1").location()).endsWith("/account");
	}

	@Test
	void passwordStepWithoutStep1ReturnsToTheLoginPage() {
		assertThat(browser.get("/accounts/login/password").location()).endsWith("/accounts/login");
		Page login = browser.get("/accounts/login");
		assertThat(browser.submit(login, "/accounts/login/password", Map.of("password", "x")).location())
			.endsWith("/accounts/login");
	}

	@Test
	void loginMethodAnswersWithoutRevealingWhetherAnAccountExists() {
		assertThat(method("nobody-at-all@example.test")).isEqualTo("password");
		assertThat(method(DEMO_USER)).isEqualTo("password");
		assertThat(method("whoever@acme.test")).isEqualTo("sso");
		assertThat(method("someone@gmail.test")).isEqualTo("google_oauth");
	}

	@Test
	void theFirstAdministratorExistsInLocalMode() {
		assertThat(accounts.adminEmails()).isNotEmpty();
	}

	private String method(String username) {
		Page answer = browser.get("/accounts/login-method?username=" + java.net.URLEncoder.encode(username,
				java.nio.charset.StandardCharsets.UTF_8), "application/json");
		assertThat(answer.status()).isEqualTo(200);
		return answer.find("\"method\":\"([a-z_]+)\"").orElseThrow();
	}

}
