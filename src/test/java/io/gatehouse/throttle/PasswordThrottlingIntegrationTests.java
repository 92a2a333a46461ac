package io.gatehouse.throttle;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.gatehouse.account.Accounts;
import io.gatehouse.account.Passwords;
import io.gatehouse.support.GatehouseIntegrationTest;
import io.gatehouse.support.SsoJourney;
import io.gatehouse.support.TestBrowser;
import io.gatehouse.support.TestBrowser.Page;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Password guessing is throttled per account, in the database, so that it cannot be raced: of fifty concurrent wrong
 * attempts at most five are evaluated, later ones wait a growing delay, and a throttled person sees exactly the answer
 * of a wrong password.
 */
@GatehouseIntegrationTest
@TestPropertySource(properties = { "spring.application.name=gatehouse-throttling-tests",
		"gatehouse.throttle.first-delay=2s" })
class PasswordThrottlingIntegrationTests {

	static final String WRONG = "Incorrect username or password.";

	@LocalServerPort
	int port;

	@Autowired
	Accounts accounts;

	@Autowired
	Passwords passwords;

	@Autowired
	JdbcClient jdbc;

	@Test
	void fiftyConcurrentWrongPasswordsEvaluateAtMostFive() throws Exception {
		String email = "raced@example.test";
		accounts.createLocalUser(email, "Race", "Condition", passwords.hash("the-right-password"), List.of());
		List<TestBrowser> browsers = new ArrayList<>();
		List<Page> steps = new ArrayList<>();
		for (int i = 0; i < 50; i++) {
			TestBrowser browser = new TestBrowser(port);
			steps.add(browser.get(new SsoJourney(browser).identify(email, "").location()));
			browsers.add(browser);
		}
		ExecutorService pool = Executors.newFixedThreadPool(50);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<Page>> answers = new ArrayList<>();
		for (int i = 0; i < browsers.size(); i++) {
			TestBrowser browser = browsers.get(i);
			Page step = steps.get(i);
			answers.add(pool.submit(() -> {
				start.await();
				return browser.submit(step, "/accounts/login/password", Map.of("password", "a-wrong-guess"));
			}));
		}
		start.countDown();
		for (Future<Page> answer : answers) {
			Page page = answer.get();
			assertThat(page.status()).isEqualTo(200);
			assertThat(page.body()).contains(WRONG);
		}
		pool.shutdown();

		assertThat(failures(email, "wrong_password")).as("evaluated").isBetween(1L, 5L);
		assertThat(failures(email, "throttled")).as("refused unevaluated").isEqualTo(50 - failures(email, "wrong_password"));
	}

	@Test
	void afterFiveFailuresEvenTheRightPasswordWaitsForTheDelayAndThenWorks() throws Exception {
		String email = "patient@example.test";
		accounts.createLocalUser(email, "Pat", "Ient", passwords.hash("the-right-password"), List.of());
		for (int i = 0; i < 5; i++) {
			assertThat(attempt(email, "wrong-" + i).body()).contains(WRONG);
		}

		Page throttled = attempt(email, "the-right-password");
		assertThat(throttled.status()).isEqualTo(200);
		assertThat(throttled.body()).as("the same answer as a wrong password").contains(WRONG);

		Thread.sleep(2_100);
		Page signedIn = attempt(email, "the-right-password");
		assertThat(signedIn.status()).isEqualTo(302);
		assertThat(signedIn.location()).endsWith("/account");
	}

	@Test
	void unknownPeopleAreThrottledTheSameWay() {
		for (int i = 0; i < 5; i++) {
			assertThat(attempt("nobody.here@example.test", "guess-" + i).body()).contains(WRONG);
		}
		attempt("nobody.here@example.test", "guess-5");
		assertThat(failures("nobody.here@example.test", "throttled")).isEqualTo(1);
	}

	private Page attempt(String email, String password) {
		TestBrowser browser = new TestBrowser(port);
		Page step = browser.get(new SsoJourney(browser).identify(email, "").location());
		return browser.submit(step, "/accounts/login/password", Map.of("password", password));
	}

	private long failures(String email, String reason) {
		return jdbc.sql("select count(*) from audit_events where type = 'login.failed' and subject = ? and detail like ?")
			.params(email, "%reason=" + reason + "%")
			.query(Long.class)
			.single();
	}

}
