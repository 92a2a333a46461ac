package io.gatehouse.mfa;

import java.util.Base64;
import java.util.List;
import java.util.Map;

import io.gatehouse.account.Accounts;
import io.gatehouse.account.DirectoryStanding;
import io.gatehouse.account.Passwords;
import io.gatehouse.audit.AuditEntry;
import io.gatehouse.audit.AuditLog;
import io.gatehouse.rules.JitMode;
import io.gatehouse.rules.LoginMethod;
import io.gatehouse.rules.LoginRules;
import io.gatehouse.rules.RuleDraft;
import io.gatehouse.support.GatehouseIntegrationTest;
import io.gatehouse.support.SignedInAs;
import io.gatehouse.support.SsoJourney;
import io.gatehouse.support.TestBrowser;
import io.gatehouse.support.TestBrowser.Page;
import io.gatehouse.support.TotpCodes;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** Authenticator apps through the WorkOS MFA API: enrolment, the challenge at sign-in, removal. */
@GatehouseIntegrationTest
class TotpSignInIntegrationTests {

	static final String PASSWORD = "totp-user-password";

	@LocalServerPort
	int port;

	@Autowired
	Accounts accounts;

	@Autowired
	Passwords passwords;

	@Autowired
	LoginRules rules;

	@Autowired
	AuditLog audit;

	@Autowired
	DirectoryStanding standing;

	String newUser(String email) {
		accounts.createLocalUser(email, "Tot", "P", passwords.hash(PASSWORD), List.of());
		return email;
	}

	/** Enrols from the account page; returns the secret the page showed. */
	String enrol(TestBrowser browser) {
		Page page = browser.get("/accounts/enroll-totp");
		assertThat(page.status()).isEqualTo(200);
		String secret = page.find("id=\"totp-secret\">([A-Z2-7]+)<").orElseThrow();
		Page done = browser.submit(page, "/accounts/enroll-totp", Map.of("code", TotpCodes.code(secret, -1)));
		assertThat(done.status()).as(done.body()).isEqualTo(302);
		return secret;
	}

	Page passwordStep(TestBrowser browser, String email) {
		Page toPassword = new SsoJourney(browser).identify(email, "");
		Page step = browser.get(toPassword.location());
		return browser.submit(step, "/accounts/login/password", Map.of("password", PASSWORD));
	}

	@Test
	void enrolmentShowsAQrCodeAndASecretThatStaysTheSameOnReload() {
		TestBrowser browser = SignedInAs.password(port, newUser("qr.person@example.test"), PASSWORD);

		Page first = browser.get("/accounts/enroll-totp");
		Page reload = browser.get("/accounts/enroll-totp");

		String secret = first.find("id=\"totp-secret\">([A-Z2-7]+)<").orElseThrow();
		assertThat(secret).hasSize(32);
		assertThat(reload.find("id=\"totp-secret\">([A-Z2-7]+)<")).contains(secret);
		String png = first.find("src=\"data:image/png;base64,([^\"]+)\"").orElseThrow();
		assertThat(Base64.getDecoder().decode(png)).startsWith(0x89, 'P', 'N', 'G');
	}

	@Test
	void wrongCodeDoesNotEnrolAndTheRightOneDoes() {
		TestBrowser browser = SignedInAs.password(port, newUser("careful.person@example.test"), PASSWORD);
		Page page = browser.get("/accounts/enroll-totp");
		String secret = page.find("id=\"totp-secret\">([A-Z2-7]+)<").orElseThrow();

		Page wrong = browser.submit(page, "/accounts/enroll-totp", Map.of("code", "000000".equals(TotpCodes.code(secret, 0)) ? "111111" : "000000"));
		assertThat(wrong.find("id=\"mfa-error\">([^<]+)")).get().asString().contains("That code is not right");
		assertThat(browser.get("/account").body()).contains("None yet.");

		Page done = browser.submit(page, "/accounts/enroll-totp", Map.of("code", TotpCodes.code(secret, 0)));
		Page codes = browser.get(done.location());
		assertThat(codes.body()).contains("Your second factor is set up.").contains("they will not be shown again");
		assertThat(browser.get("/account").body()).contains("Authenticator app").contains("<span>10</span> recovery code(s) left");
		assertThat(audit.latest(20).stream().filter(e -> "careful.person@example.test".equals(e.subject()))
			.map(AuditEntry::type)).contains("factor.enrolled");
	}

	@Test
	void signInWithAnEnrolledFactorAsksForACodeAndAcceptsEachCodeOnce() {
		String email = newUser("two.step@example.test");
		String secret = enrol(SignedInAs.password(port, email, PASSWORD));

		TestBrowser browser = new TestBrowser(port);
		Page toVerify = passwordStep(browser, email);
		assertThat(toVerify.location()).endsWith("/accounts/verify");
		assertThat(browser.get("/account").status()).as("not signed in before the code").isEqualTo(302);
		Page verify = browser.get(toVerify.location());
		String code = TotpCodes.code(secret, 0);
		Page signedIn = browser.submit(verify, "/accounts/verify", Map.of("code", code));
		assertThat(signedIn.location()).endsWith("/account");
		assertThat(browser.get("/account").status()).isEqualTo(200);

		TestBrowser again = new TestBrowser(port);
		Page verifyAgain = again.get(passwordStep(again, email).location());
		Page reused = again.submit(verifyAgain, "/accounts/verify", Map.of("code", code));
		assertThat(reused.find("id=\"mfa-error\">([^<]+)")).get().asString().contains("That code is not right");
		assertThat(again.get("/account").status()).isEqualTo(302);
	}

	@Test
	void verifyWhenTheAccountWasDeactivatedWhileTheCodeWasPendingThenNoSession() {
		String email = newUser("leaver@example.test");
		String secret = enrol(SignedInAs.password(port, email, PASSWORD));
		TestBrowser browser = new TestBrowser(port);
		Page verify = browser.get(passwordStep(browser, email).location());
		long id = accounts.findForLogin(email, true, false).orElseThrow().userId();
		assertThat(standing.apply(id, false, List.of(), List.of())).isEqualTo(DirectoryStanding.Change.DEACTIVATED);

		Page answer = browser.submit(verify, "/accounts/verify", Map.of("code", TotpCodes.code(secret, 0)));

		assertThat(answer.location()).endsWith("/accounts/login?signInFailed");
		assertThat(browser.get("/account").status()).as("no session").isEqualTo(302);
		assertThat(browser.get(answer.location()).find("id=\"sign-in-failed\">([^<]+)")).get().asString()
			.startsWith("We could not sign you in.");
		assertThat(browser.get("/accounts/verify").location()).as("the pending sign-in is gone").endsWith("/accounts/login");
		assertThat(audit.latest(10).stream().filter(e -> email.equals(e.subject())).map(AuditEntry::type))
			.contains("login.failed");
	}

	@Test
	void recoveryCodeWhenTheAccountWasDeactivatedWhileTheCodeWasPendingThenNoSession() {
		String email = newUser("leaver.with.codes@example.test");
		TestBrowser enrolling = SignedInAs.password(port, email, PASSWORD);
		Page page = enrolling.get("/accounts/enroll-totp");
		String secret = page.find("id=\"totp-secret\">([A-Z2-7]+)<").orElseThrow();
		String recoveryCode = enrolling.get(enrolling.submit(page, "/accounts/enroll-totp",
				Map.of("code", TotpCodes.code(secret, -1))).location())
			.find("<li>([0-9a-z]{4}-[0-9a-z]{4}-[0-9a-z]{4}-[0-9a-z]{4})</li>").orElseThrow();
		TestBrowser browser = new TestBrowser(port);
		Page verify = browser.get(passwordStep(browser, email).location());
		standing.apply(accounts.findForLogin(email, true, false).orElseThrow().userId(), false, List.of(), List.of());

		Page answer = browser.submit(verify, "/accounts/verify/recovery", Map.of("recoveryCode", recoveryCode));

		assertThat(answer.location()).endsWith("/accounts/login?signInFailed");
		assertThat(browser.get("/account").status()).isEqualTo(302);
	}

	@Test
	void enrolmentWhenTheAccountWasDeactivatedWhileItWasPendingThenNoSession() {
		if (rules.list().stream().noneMatch(r -> r.name().equals("MFA leavers"))) {
			assertThat(rules.save(null, RuleDraft.of("MFA leavers", LoginMethod.PASSWORD_MFA, 51, true,
					"@mfa-leavers\\.example$", null, null, null, JitMode.OFF, null, null, false, "Acme Portal", false), "test")
				.saved()).isTrue();
		}
		String email = newUser("enrolling.leaver@mfa-leavers.example");
		TestBrowser browser = new TestBrowser(port);
		assertThat(passwordStep(browser, email).location()).endsWith("/accounts/enroll");
		Page page = browser.get("/accounts/enroll-totp");
		String secret = page.find("id=\"totp-secret\">([A-Z2-7]+)<").orElseThrow();
		standing.apply(accounts.findForLogin(email, true, false).orElseThrow().userId(), false, List.of(), List.of());

		Page answer = browser.submit(page, "/accounts/enroll-totp", Map.of("code", TotpCodes.code(secret, 0)));

		assertThat(answer.location()).endsWith("/accounts/login?signInFailed");
		assertThat(browser.get("/account").status()).isEqualTo(302);
	}

	@Test
	void fiveWrongCodesDiscardThePendingSignIn() {
		String email = newUser("guesser@example.test");
		String secret = enrol(SignedInAs.password(port, email, PASSWORD));
		TestBrowser browser = new TestBrowser(port);
		Page verify = browser.get(passwordStep(browser, email).location());
		String wrong = TotpCodes.code(secret, 0).equals("123456") ? "654321" : "123456";

		Page last = null;
		for (int i = 0; i < 5; i++) {
			last = browser.submit(verify, "/accounts/verify", Map.of("code", wrong));
		}

		assertThat(last.location()).endsWith("/accounts/login?tooManyAttempts");
		assertThat(browser.get("/accounts/verify").location()).endsWith("/accounts/login");
	}

	@Test
	void verifyPageWithoutAPendingSignInGoesBackToTheLoginPage() {
		TestBrowser browser = new TestBrowser(port);

		assertThat(browser.get("/accounts/verify").location()).endsWith("/accounts/login");
		assertThat(browser.get("/accounts/enroll-totp").location()).endsWith("/accounts/login");
		Page login = browser.get("/accounts/login");
		assertThat(browser.submit(login, "/accounts/verify", Map.of("code", "123456")).location()).endsWith("/accounts/login");
	}

	@Test
	void aRuleThatDemandsASecondFactorMakesNewcomersEnrolBeforeTheyAreIn() {
		assertThat(rules.save(null, RuleDraft.of("MFA people", LoginMethod.PASSWORD_MFA, 50, true, "@mfa\\.example$", null,
				null, null, JitMode.OFF, null, null, false, "Acme Portal", false), "test").saved()).isTrue();
		String email = newUser("forced@mfa.example");
		TestBrowser browser = new TestBrowser(port);

		Page toEnrol = passwordStep(browser, email);
		assertThat(toEnrol.location()).endsWith("/accounts/enroll");
		assertThat(browser.get("/account").status()).isEqualTo(302);
		Page page = browser.get("/accounts/enroll-totp");
		assertThat(page.body()).contains("Your organisation requires a second factor");
		String secret = page.find("id=\"totp-secret\">([A-Z2-7]+)<").orElseThrow();
		Page done = browser.submit(page, "/accounts/enroll-totp", Map.of("code", TotpCodes.code(secret, 0)));

		assertThat(done.location()).endsWith("/account/recovery-codes");
		assertThat(browser.get(done.location()).find("href=\"([^\"]+)\" id=\"codes-saved\"")).contains("/account");
		assertThat(browser.get("/account").status()).isEqualTo(200);
	}

	@Test
	void aRecoveryCodeSignsYouInOnceInsteadOfTheFactor() {
		String email = newUser("lost.phone@example.test");
		TestBrowser enrolling = SignedInAs.password(port, email, PASSWORD);
		Page page = enrolling.get("/accounts/enroll-totp");
		String secret = page.find("id=\"totp-secret\">([A-Z2-7]+)<").orElseThrow();
		Page codesPage = enrolling.get(enrolling.submit(page, "/accounts/enroll-totp",
				Map.of("code", TotpCodes.code(secret, -1))).location());
		String recoveryCode = codesPage.find("<li>([0-9a-z]{4}-[0-9a-z]{4}-[0-9a-z]{4}-[0-9a-z]{4})</li>").orElseThrow();

		TestBrowser browser = new TestBrowser(port);
		Page verify = browser.get(passwordStep(browser, email).location());
		Page signedIn = browser.submit(verify, "/accounts/verify/recovery", Map.of("recoveryCode", recoveryCode.toUpperCase()));
		assertThat(signedIn.location()).endsWith("/account");
		assertThat(browser.get("/account").body()).contains("You signed in with a recovery code. You have 9 left");
		assertThat(audit.latest(10).stream().filter(e -> email.equals(e.subject())).map(AuditEntry::type))
			.contains("recovery_code.used");

		TestBrowser again = new TestBrowser(port);
		Page verifyAgain = again.get(passwordStep(again, email).location());
		Page reused = again.submit(verifyAgain, "/accounts/verify/recovery", Map.of("recoveryCode", recoveryCode));
		assertThat(reused.find("id=\"mfa-error\">([^<]+)")).get().asString().contains("not valid, or was already used");
	}

	@Test
	void newRecoveryCodesReplaceTheOldOnes() {
		String email = newUser("regenerator@example.test");
		TestBrowser browser = SignedInAs.password(port, email, PASSWORD);
		Page page = browser.get("/accounts/enroll-totp");
		String secret = page.find("id=\"totp-secret\">([A-Z2-7]+)<").orElseThrow();
		String first = browser.get(browser.submit(page, "/accounts/enroll-totp", Map.of("code", TotpCodes.code(secret, -1)))
			.location()).find("<li>([0-9a-z]{4}-[0-9a-z]{4}-[0-9a-z]{4}-[0-9a-z]{4})</li>").orElseThrow();

		Page manage = browser.get("/account/recovery-codes");
		assertThat(manage.body()).contains("10</span> unused recovery code(s) left");
		Page fresh = browser.get(browser.submit(manage, "/account/recovery-codes", Map.of()).location());
		assertThat(fresh.find("<li>([0-9a-z]{4}-[0-9a-z]{4}-[0-9a-z]{4}-[0-9a-z]{4})</li>")).get().isNotEqualTo(first);

		TestBrowser later = new TestBrowser(port);
		Page verify = later.get(passwordStep(later, email).location());
		assertThat(later.submit(verify, "/accounts/verify/recovery", Map.of("recoveryCode", first)).status()).isEqualTo(200);
		assertThat(later.get("/account").status()).isEqualTo(302);
	}

	@Test
	void removingAFactorNeedsACurrentCode() {
		String email = newUser("remover@example.test");
		TestBrowser browser = SignedInAs.password(port, email, PASSWORD);
		String secret = enrol(browser);
		Page account = browser.get("/account");
		String action = account.find("action=\"(/account/factors/\\d+/remove)\"").orElseThrow();

		String wrong = "000000".equals(TotpCodes.code(secret, 1)) ? "111111" : "000000";
		browser.submit(account, action, Map.of("code", wrong));
		assertThat(browser.get("/account").body()).contains("Authenticator app");

		Page removed = browser.submit(account, action, Map.of("code", TotpCodes.code(secret, 1)));
		assertThat(browser.get(removed.location()).body()).contains("The factor has been removed.").contains("None yet.");
	}

}
