package io.gatehouse.throttle;

import java.util.List;
import java.util.Map;

import io.gatehouse.account.Accounts;
import io.gatehouse.account.Passwords;
import io.gatehouse.support.GatehouseIntegrationTest;
import io.gatehouse.support.SignedInAs;
import io.gatehouse.support.SsoJourney;
import io.gatehouse.support.TestBrowser;
import io.gatehouse.support.TestBrowser.Page;
import io.gatehouse.support.TotpCodes;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Second-step codes are counted per account, not per pending sign-in: starting the sign-in again does not buy fresh
 * guesses, and once throttled even the right code gets the wrong-code answer.
 */
@GatehouseIntegrationTest
@TestPropertySource(properties = { "spring.application.name=gatehouse-code-throttling-tests",
		"gatehouse.throttle.first-delay=1m" })
class CodeThrottlingIntegrationTests {

	static final String PASSWORD = "code-throttle-password";

	@LocalServerPort
	int port;

	@Autowired
	Accounts accounts;

	@Autowired
	Passwords passwords;

	@Test
	void appCodeGuessesAddUpAcrossSignInsAndThenEvenTheRightCodeIsRefused() {
		String email = "code.guesser@example.test";
		accounts.createLocalUser(email, "Code", "Guesser", passwords.hash(PASSWORD), List.of());
		TestBrowser enrolled = SignedInAs.password(port, email, PASSWORD);
		Page enrol = enrolled.get("/accounts/enroll-totp");
		String secret = enrol.find("id=\"totp-secret\">([A-Z2-7]+)<").orElseThrow();
		assertThat(enrolled.submit(enrol, "/accounts/enroll-totp", Map.of("code", TotpCodes.code(secret, -1))).status())
			.isEqualTo(302);
		String wrong = TotpCodes.code(secret, 0).equals("123456") ? "654321" : "123456";

		guess(email, wrong, 3);
		guess(email, wrong, 2);

		TestBrowser browser = new TestBrowser(port);
		Page verify = codeStep(browser, email);
		Page refused = browser.submit(verify, "/accounts/verify", Map.of("code", TotpCodes.code(secret, 0)));
		assertThat(refused.status()).isEqualTo(200);
		assertThat(refused.body()).contains("That code is not right");
		assertThat(browser.get("/account").status()).isEqualTo(302);
	}

	private void guess(String email, String wrong, int times) {
		TestBrowser browser = new TestBrowser(port);
		Page verify = codeStep(browser, email);
		for (int i = 0; i < times; i++) {
			Page answer = browser.submit(verify, "/accounts/verify", Map.of("code", wrong));
			assertThat(answer.body()).contains("That code is not right");
		}
	}

	private Page codeStep(TestBrowser browser, String email) {
		Page toPassword = new SsoJourney(browser).identify(email, "");
		Page step = browser.get(toPassword.location());
		Page toVerify = browser.submit(step, "/accounts/login/password", Map.of("password", PASSWORD));
		assertThat(toVerify.location()).endsWith("/accounts/verify");
		return browser.get(toVerify.location());
	}

}
