package io.gatehouse.account;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.gatehouse.rules.JitMode;
import io.gatehouse.rules.LoginMethod;
import io.gatehouse.rules.LoginRules;
import io.gatehouse.rules.RuleDraft;
import io.gatehouse.support.GatehouseIntegrationTest;
import io.gatehouse.support.Outbox;
import io.gatehouse.support.SignedInAs;
import io.gatehouse.support.TestBrowser;
import io.gatehouse.support.TestBrowser.Page;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * NIST SP 800-63B-4 passwords wherever one is chosen: 15 characters when it is the only factor, 8 when the rule adds
 * a second one, never a common or breached one, never the person's address; on the account page and from a reset
 * link, with the reason as a field error and nothing changed.
 */
@GatehouseIntegrationTest
class PasswordPolicyIntegrationTests {

	static final String PASSWORD = "the-first-chosen-phrase";

	@LocalServerPort
	int port;

	@Autowired
	Accounts accounts;

	@Autowired
	Passwords passwords;

	@Autowired
	LoginRules rules;

	@BeforeEach
	void rules() {
		if (rules.list().stream().noneMatch(r -> r.name().equals("Password policy: email code"))) {
			assertThat(rules.save(null, RuleDraft.of("Password policy: email code", LoginMethod.EMAIL_CODE, 731, true,
					"@policy-code\\.example$", null, null, null, JitMode.OFF, null, null, false, null, false), "test")
				.saved()).isTrue();
		}
	}

	Page changePassword(TestBrowser browser, String replacement) {
		return browser.submit(browser.get("/account"), "/account/password",
				Map.of("currentPassword", PASSWORD, "newPassword", replacement, "confirmation", replacement));
	}

	static Optional<String> newPasswordError(Page page) {
		return page.find("(?s)class=\"[^\"]*is-invalid[^\"]*\"[^>]*name=\"newPassword\"[^>]*>\\s*<div class=\"invalid-feedback\">([^<]+)</div>")
			.or(() -> page.find("(?s)name=\"newPassword\"[^>]*class=\"[^\"]*is-invalid[^\"]*\"[^>]*>\\s*<div class=\"invalid-feedback\">([^<]+)</div>"));
	}

	/** Asks for a reset link and reads it from the outbox (waiting a little: the mail may go out after the answer). */
	String resetLink(String email) throws InterruptedException {
		TestBrowser browser = new TestBrowser(port);
		browser.submit(browser.get("/accounts/password-reset"), "/accounts/password-reset", Map.of("email", email));
		String regex = "(http://localhost:" + port + "/accounts/password-reset/[A-Za-z0-9_-]+)";
		long deadline = System.nanoTime() + java.time.Duration.ofSeconds(10).toNanos();
		Optional<String> link = new Outbox(port).find(email, regex);
		while (link.isEmpty() && System.nanoTime() < deadline) {
			Thread.sleep(50);
			link = new Outbox(port).find(email, regex);
		}
		return link.orElseThrow(() -> new AssertionError("no reset link to " + email));
	}

	@Test
	void passwordChangeWhenFourteenCharactersForAPasswordOnlyPersonThenFieldErrorAndNothingChanged() {
		accounts.createLocalUser("only.factor@example.test", null, null, passwords.hash(PASSWORD), List.of());
		TestBrowser browser = SignedInAs.password(port, "only.factor@example.test", PASSWORD);
		assertThat(browser.get("/account").find("id=\"password-min-length\">(\\d+)<")).contains("15");

		Page refused = changePassword(browser, "kettle-zebra-1");

		assertThat(refused.status()).isEqualTo(200);
		assertThat(newPasswordError(refused)).contains("Use at least 15 characters: this password is your only factor.");
		SignedInAs.password(port, "only.factor@example.test", PASSWORD);
	}

	@Test
	void passwordChangeWhenCommonPasswordThenFieldErrorAndNothingChanged() {
		accounts.createLocalUser("common.choice@example.test", null, null, passwords.hash(PASSWORD), List.of());
		TestBrowser browser = SignedInAs.password(port, "common.choice@example.test", PASSWORD);

		for (String common : List.of("password1234567", "P@ssw0rd12345678", "iloveyou12345678", "qwertyuiop123456")) {
			Page refused = changePassword(browser, common);
			assertThat(refused.status()).isEqualTo(200);
			assertThat(newPasswordError(refused)).as(common).get().asString()
				.startsWith("This password is one of the most common or breached passwords");
		}
		SignedInAs.password(port, "common.choice@example.test", PASSWORD);
	}

	@Test
	void passwordChangeWhenItContainsTheEmailAddressThenFieldError() {
		accounts.createLocalUser("rosalind.franklin@example.test", null, null, passwords.hash(PASSWORD), List.of());
		TestBrowser browser = SignedInAs.password(port, "rosalind.franklin@example.test", PASSWORD);

		Page refused = changePassword(browser, "my-name-is-rosalind.franklin");

		assertThat(newPasswordError(refused)).contains("The password must not contain your email address or username.");
		SignedInAs.password(port, "rosalind.franklin@example.test", PASSWORD);
	}

	@Test
	void passwordChangeWhenFifteenUncommonCharactersThenChanged() {
		accounts.createLocalUser("long.enough@example.test", null, null, passwords.hash(PASSWORD), List.of());
		TestBrowser browser = SignedInAs.password(port, "long.enough@example.test", PASSWORD);

		Page changed = changePassword(browser, "kettle-zebra-12");

		assertThat(changed.status()).as(changed.body()).isEqualTo(302);
		SignedInAs.password(port, "long.enough@example.test", "kettle-zebra-12");
	}

	@Test
	void passwordResetWhenEightCharactersAndTheRuleAddsASecondFactorThenAccepted() throws InterruptedException {
		accounts.createLocalUser("two.steps@policy-code.example", null, null, passwords.hash(PASSWORD), List.of());
		String link = resetLink("two.steps@policy-code.example");
		TestBrowser browser = new TestBrowser(port);

		Page done = browser.submit(browser.get(link), link, Map.of("password", "kqzmvxpl", "confirmation", "kqzmvxpl"));

		assertThat(done.location()).endsWith("/accounts/login?passwordReset");
		assertThat(passwords.matches(accounts.findForLogin("two.steps@policy-code.example", true, false).orElseThrow()
			.userId(), "kqzmvxpl")).isTrue();
	}

	@Test
	void passwordResetWhenEightCharactersForAPasswordOnlyPersonThenFieldErrorAndTheLinkStillWorks() throws InterruptedException {
		long id = accounts.createLocalUser("reset.only@example.test", null, null, passwords.hash(PASSWORD), List.of());
		String link = resetLink("reset.only@example.test");
		TestBrowser browser = new TestBrowser(port);
		Page choose = browser.get(link);

		Page tooShort = browser.submit(choose, link, Map.of("password", "kqzmvxpl", "confirmation", "kqzmvxpl"));
		Page common = browser.submit(choose, link,
				Map.of("password", "password1234567", "confirmation", "password1234567"));

		assertThat(tooShort.status()).isEqualTo(200);
		assertThat(tooShort.find("id=\"password-error\">([^<]+)<")).contains("Use at least 15 characters: this password is your only factor.");
		assertThat(tooShort.body()).contains("is-invalid");
		assertThat(common.find("id=\"password-error\">([^<]+)<")).get().asString()
			.startsWith("This password is one of the most common or breached passwords");
		assertThat(passwords.matches(id, PASSWORD)).as("nothing changed").isTrue();
		Page done = browser.submit(choose, link,
				Map.of("password", "zebra-kettle-umbrella", "confirmation", "zebra-kettle-umbrella"));
		assertThat(done.location()).endsWith("/accounts/login?passwordReset");
	}

}
