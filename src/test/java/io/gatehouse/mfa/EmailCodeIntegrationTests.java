package io.gatehouse.mfa;

import java.util.List;
import java.util.Map;

import io.gatehouse.account.Accounts;
import io.gatehouse.account.DirectoryStanding;
import io.gatehouse.account.Passwords;
import io.gatehouse.rules.JitMode;
import io.gatehouse.rules.LoginMethod;
import io.gatehouse.rules.LoginRules;
import io.gatehouse.rules.RuleDraft;
import io.gatehouse.support.GatehouseIntegrationTest;
import io.gatehouse.support.Outbox;
import io.gatehouse.support.SsoJourney;
import io.gatehouse.support.TestBrowser;
import io.gatehouse.support.TestBrowser.Page;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** E-mailed codes: the "email code" method, and first-login email verification for password rules. */
@GatehouseIntegrationTest
class EmailCodeIntegrationTests {

	static final String PASSWORD = "email-code-password";

	@LocalServerPort
	int port;

	@Autowired
	LoginRules rules;

	@Autowired
	Accounts accounts;

	@Autowired
	Passwords passwords;

	@Autowired
	DirectoryStanding standing;

	@BeforeEach
	void rules() {
		if (rules.list().stream().noneMatch(r -> r.name().equals("Email code people"))) {
			assertThat(rules.save(null, RuleDraft.of("Email code people", LoginMethod.EMAIL_CODE, 60, true,
					"@emailcode\\.example$", null, null, null, JitMode.OFF, null, null, false, null, false), "test").saved())
				.isTrue();
			assertThat(rules.save(null, RuleDraft.of("Verify email first", LoginMethod.PASSWORD, 61, true,
					"@verify-first\\.example$", null, null, null, JitMode.OFF, null, null, false, null, true), "test").saved())
				.isTrue();
		}
	}

	Page afterPassword(TestBrowser browser, String email) {
		Page toPassword = new SsoJourney(browser).identify(email, "");
		return browser.submit(browser.get(toPassword.location()), "/accounts/login/password", Map.of("password", PASSWORD));
	}

	String latestCode(String email) {
		return new Outbox(port).code(email);
	}

	@Test
	void emailCodeRuleSendsACodeThatCompletesTheSignIn() {
		accounts.createLocalUser("mailed@emailcode.example", null, null, passwords.hash(PASSWORD), List.of());
		TestBrowser browser = new TestBrowser(port);

		Page toCode = afterPassword(browser, "mailed@emailcode.example");
		assertThat(toCode.location()).endsWith("/accounts/email-verify");
		Page page = browser.get(toCode.location());
		assertThat(page.body()).contains("We sent a 6-digit code to");
		assertThat(browser.get("/account").status()).isEqualTo(302);

		Page done = browser.submit(page, "/accounts/email-verify", Map.of("code", latestCode("mailed@emailcode.example")));
		assertThat(done.location()).endsWith("/account");
		assertThat(browser.get("/account").status()).isEqualTo(200);
	}

	@Test
	void emailCodeWhenTheAccountWasDeactivatedWhileTheCodeWasPendingThenNoSession() {
		long id = accounts.createLocalUser("mailed.leaver@emailcode.example", null, null, passwords.hash(PASSWORD), List.of());
		TestBrowser browser = new TestBrowser(port);
		Page page = browser.get(afterPassword(browser, "mailed.leaver@emailcode.example").location());
		standing.apply(id, false, List.of(), List.of());

		Page answer = browser.submit(page, "/accounts/email-verify", Map.of("code", latestCode("mailed.leaver@emailcode.example")));

		assertThat(answer.location()).endsWith("/accounts/login?signInFailed");
		assertThat(browser.get("/account").status()).isEqualTo(302);
	}

	@Test
	void fiveWrongEmailCodesDiscardTheSignIn() {
		accounts.createLocalUser("typo@emailcode.example", null, null, passwords.hash(PASSWORD), List.of());
		TestBrowser browser = new TestBrowser(port);
		Page page = browser.get(afterPassword(browser, "typo@emailcode.example").location());
		String wrong = latestCode("typo@emailcode.example").equals("000000") ? "111111" : "000000";

		Page last = null;
		for (int i = 0; i < 5; i++) {
			last = browser.submit(page, "/accounts/email-verify", Map.of("code", wrong));
		}

		assertThat(last.location()).endsWith("/accounts/login?tooManyAttempts");
	}

	@Test
	void aRuleThatRequiresAVerifiedEmailAsksOnlyAtTheFirstSignIn() {
		accounts.createLocalUser("newcomer@verify-first.example", null, null, passwords.hash(PASSWORD), List.of());
		TestBrowser first = new TestBrowser(port);
		Page page = first.get(afterPassword(first, "newcomer@verify-first.example").location());
		first.submit(page, "/accounts/email-verify", Map.of("code", latestCode("newcomer@verify-first.example")));
		assertThat(first.get("/account").status()).isEqualTo(200);

		TestBrowser second = new TestBrowser(port);
		assertThat(afterPassword(second, "newcomer@verify-first.example").location()).endsWith("/account");
	}

}
