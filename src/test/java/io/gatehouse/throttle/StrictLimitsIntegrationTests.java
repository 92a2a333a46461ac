package io.gatehouse.throttle;

import java.util.List;
import java.util.Map;

import io.gatehouse.account.Accounts;
import io.gatehouse.account.Passwords;
import io.gatehouse.support.GatehouseIntegrationTest;
import io.gatehouse.support.SsoJourney;
import io.gatehouse.support.TestBrowser;
import io.gatehouse.support.TestBrowser.Page;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hard stop and the per-IP limits, with small limits so that a test reaches them: after the last allowed failure
 * even the right password is refused; an address over its lookup limit gets 429.
 */
@GatehouseIntegrationTest
@TestPropertySource(properties = { "spring.application.name=gatehouse-strict-throttling-tests",
		"gatehouse.throttle.free-failures=2", "gatehouse.throttle.hard-stop=4", "gatehouse.throttle.first-delay=0s",
		"gatehouse.throttle.lookups-per-ip=25" })
class StrictLimitsIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	Accounts accounts;

	@Autowired
	Passwords passwords;

	@Test
	void afterTheHardStopTheRightPasswordIsRefusedWithTheSameAnswer() {
		String email = "locked.out@example.test";
		accounts.createLocalUser(email, "Locked", "Out", passwords.hash("the-right-password"), List.of());
		for (int i = 0; i < 4; i++) {
			assertThat(attempt(email, "wrong-" + i).body()).contains("Incorrect username or password.");
		}

		Page refused = attempt(email, "the-right-password");

		assertThat(refused.status()).isEqualTo(200);
		assertThat(refused.body()).contains("Incorrect username or password.");
	}

	@Test
	void anAddressOverItsLookupLimitGets429() {
		TestBrowser browser = new TestBrowser(port);
		int refused = 0;
		for (int i = 0; i < 30; i++) {
			Page answer = browser.get("/accounts/login-method?username=someone" + i + "@example.test", "application/json");
			if (answer.status() == 429) {
				refused++;
				assertThat(answer.body()).contains("too_many_requests");
			}
		}
		assertThat(refused).isGreaterThanOrEqualTo(5);
		Page login = browser.get("/accounts/login");
		Page step1 = browser.submit(login, "/accounts/login", Map.of("username", "late@example.test"));
		assertThat(step1.status()).isEqualTo(429);
		assertThat(step1.body()).contains("Too many sign-in attempts from your network");
	}

	private Page attempt(String email, String password) {
		TestBrowser browser = new TestBrowser(port);
		Page step = browser.get(new SsoJourney(browser).identify(email, "").location());
		return browser.submit(step, "/accounts/login/password", Map.of("password", password));
	}

}
