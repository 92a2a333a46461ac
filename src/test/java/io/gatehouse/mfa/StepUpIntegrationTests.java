package io.gatehouse.mfa;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.gatehouse.account.Accounts;
import io.gatehouse.account.Passwords;
import io.gatehouse.audit.AuditLog;
import io.gatehouse.support.GatehouseIntegrationTest;
import io.gatehouse.support.MovableClock;
import io.gatehouse.support.Outbox;
import io.gatehouse.support.SignedInAs;
import io.gatehouse.support.SsoJourney;
import io.gatehouse.support.TestBrowser;
import io.gatehouse.support.TestBrowser.Page;
import io.gatehouse.support.TotpCodes;
import io.gatehouse.workos.TotpEnrolment;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An attacker with a stolen session cookie, more than 5 minutes after the person signed in (the app's clock is moved
 * on): adding a factor, making new recovery codes and removing a factor are refused and sent to "Confirm it's you";
 * after a step-up with the password or a current code they work and land back where the person was going.
 */
@GatehouseIntegrationTest
@TestPropertySource(properties = "spring.application.name=gatehouse-step-up")
@Import(MovableClock.Configuration.class)
class StepUpIntegrationTests {

	static final String PASSWORD = "step-up-passphrase-2468";

	static final Duration LATER = Duration.ofMinutes(6);

	@LocalServerPort
	int port;

	@Autowired
	MovableClock clock;

	@Autowired
	Accounts accounts;

	@Autowired
	Passwords passwords;

	@Autowired
	Factors factors;

	@Autowired
	RecoveryCodes recoveryCodes;

	@Autowired
	AuditLog audit;

	@Autowired
	JdbcClient jdbc;

	long newUser(String email) {
		return accounts.createLocalUser(email, "Step", "Up", passwords.hash(PASSWORD), List.of());
	}

	/** Gives the person an authenticator app (and a first set of recovery codes); returns its secret. */
	String withApp(long id, String email) {
		TotpEnrolment app = factors.startTotp("Gatehouse", email);
		assertThat(factors.confirmTotp(id, email, app.factorId(), TotpCodes.code(app.secret(), -1))).isTrue();
		recoveryCodes.regenerate(id);
		return app.secret();
	}

	static String stepUpTo(String next) {
		return "/account/confirm?next=" + java.net.URLEncoder.encode(next, java.nio.charset.StandardCharsets.UTF_8);
	}

	/** Follows a redirect to the step-up page and confirms with the password; returns the answer. */
	static Page stepUpWithPassword(TestBrowser browser, Page redirectToStepUp, String password) {
		Page stepUp = browser.get(redirectToStepUp.location());
		assertThat(stepUp.body()).contains("Confirm it's you");
		String next = stepUp.find("name=\"next\" value=\"([^\"]*)\"").orElseThrow();
		return browser.submit(stepUp, "/account/confirm/password", Map.of("password", password, "next", next));
	}

	List<String> recoveryCodeHashes(long id) {
		return jdbc.sql("select code_hash from recovery_codes where user_id = ? order by code_hash")
			.param(id)
			.query(String.class)
			.list();
	}

	@Test
	void enrollingAnAppWhenTheSignInIsOlderThanFiveMinutesThenIsSentToConfirmFirst() {
		String email = "stolen.cookie@step-up.example";
		long id = newUser(email);
		TestBrowser attacker = SignedInAs.password(port, email, PASSWORD);
		clock.advance(LATER);

		assertThat(attacker.get("/accounts/enroll").location()).endsWith(stepUpTo("/accounts/enroll"));
		assertThat(attacker.get("/accounts/enroll-sms").location()).endsWith(stepUpTo("/accounts/enroll-sms"));
		Page enrol = attacker.get("/accounts/enroll-totp");
		assertThat(enrol.location()).endsWith(stepUpTo("/accounts/enroll-totp"));
		Page account = attacker.get("/account");
		assertThat(attacker.submit(account, "/accounts/enroll-totp", Map.of("code", "123456")).location())
			.endsWith(stepUpTo("/accounts/enroll-totp"));
		assertThat(attacker.submit(account, "/accounts/enroll-sms", Map.of("phone", "+14155550177")).location())
			.endsWith(stepUpTo("/accounts/enroll-sms"));

		assertThat(factors.list(id)).isEmpty();
	}

	@Test
	void enrollingAnAppWhenTheOwnerStepsUpWithThePasswordThenWorksAndLandsBack() {
		String email = "owner.enrols@step-up.example";
		long id = newUser(email);
		TestBrowser owner = SignedInAs.password(port, email, PASSWORD);
		clock.advance(LATER);

		Page back = stepUpWithPassword(owner, owner.get("/accounts/enroll-totp"), PASSWORD);

		assertThat(back.location()).endsWith("/accounts/enroll-totp");
		Page page = owner.get(back.location());
		String secret = page.find("id=\"totp-secret\">([A-Z2-7]+)<").orElseThrow();
		Page done = owner.submit(page, "/accounts/enroll-totp", Map.of("code", TotpCodes.code(secret, -1)));
		assertThat(done.location()).endsWith("/account/recovery-codes");
		assertThat(factors.list(id)).hasSize(1);
		assertThat(audit.latest(50)).anyMatch(e -> "step_up.passed".equals(e.type()) && email.equals(e.subject())
				&& "method=password".equals(e.detail()));
	}

	@Test
	void regeneratingRecoveryCodesWhenTheSignInIsOlderThanFiveMinutesThenIsRefused() {
		String email = "codes.thief@step-up.example";
		long id = newUser(email);
		TestBrowser attacker = SignedInAs.passwordAndApp(port, email, PASSWORD, withApp(id, email));
		List<String> before = recoveryCodeHashes(id);
		clock.advance(LATER);

		Page manage = attacker.get("/account/recovery-codes");
		assertThat(manage.status()).isEqualTo(200);
		Page refused = attacker.submit(manage, "/account/recovery-codes", Map.of());

		assertThat(refused.location()).endsWith(stepUpTo("/account/recovery-codes"));
		assertThat(attacker.get(refused.location()).body()).doesNotContain("id=\"recovery-codes\"");
		assertThat(recoveryCodeHashes(id)).isEqualTo(before);
	}

	@Test
	void regeneratingRecoveryCodesWhenTheOwnerStepsUpWithAnAppCodeThenWorksAndLandsBack() {
		String email = "codes.owner@step-up.example";
		long id = newUser(email);
		String secret = withApp(id, email);
		TestBrowser owner = SignedInAs.passwordAndApp(port, email, PASSWORD, secret);
		List<String> before = recoveryCodeHashes(id);
		clock.advance(LATER);
		Page toStepUp = owner.submit(owner.get("/account/recovery-codes"), "/account/recovery-codes", Map.of());

		Page stepUp = owner.get(toStepUp.location());
		assertThat(stepUp.body()).contains("id=\"step-up-app\"");
		Page back = owner.submit(stepUp, "/account/confirm/code",
				Map.of("kind", "app", "code", TotpCodes.code(secret, 1), "next", "/account/recovery-codes"));

		assertThat(back.location()).endsWith("/account/recovery-codes");
		Page fresh = owner.get(owner.submit(owner.get(back.location()), "/account/recovery-codes", Map.of()).location());
		assertThat(fresh.body()).contains("id=\"recovery-codes\"");
		assertThat(recoveryCodeHashes(id)).isNotEqualTo(before);
		assertThat(audit.latest(50)).anyMatch(e -> "recovery_code.regenerated".equals(e.type())
				&& email.equals(e.subject()) && "replaced=true".equals(e.detail()));
	}

	@Test
	void removingAFactorWhenTheSignInIsOlderThanFiveMinutesThenIsRefusedUntilAStepUp() {
		String email = "factor.remover@step-up.example";
		long id = newUser(email);
		TestBrowser browser = SignedInAs.passwordAndApp(port, email, PASSWORD, withApp(id, email));
		clock.advance(LATER);
		Page account = browser.get("/account");
		String action = account.find("action=\"(/account/factors/\\d+/remove)\"").orElseThrow();

		Page refused = browser.submit(account, action, Map.of("code", ""));

		assertThat(refused.location()).endsWith(stepUpTo(action));
		assertThat(browser.get(action).location()).as("the confirmation page too").endsWith(stepUpTo(action));
		assertThat(factors.list(id)).hasSize(1);

		Page back = stepUpWithPassword(browser, refused, PASSWORD);
		assertThat(back.location()).endsWith(action);
		Page confirm = browser.get(back.location());
		assertThat(confirm.body()).contains("Remove <span>Authenticator app</span>?");
		Page removed = browser.submit(confirm, action, Map.of());
		assertThat(browser.get(removed.location()).body()).contains("The factor has been removed.");
		assertThat(factors.list(id)).isEmpty();
	}

	@Test
	void aRecoveryCodeWhenSteppingUpThenDoesNotCount() {
		String email = "recovery.code@step-up.example";
		long id = newUser(email);
		TotpEnrolment app = factors.startTotp("Gatehouse", email);
		assertThat(factors.confirmTotp(id, email, app.factorId(), TotpCodes.code(app.secret(), -1))).isTrue();
		String recoveryCode = recoveryCodes.regenerate(id).get(0);
		TestBrowser browser = SignedInAs.passwordAndApp(port, email, PASSWORD, app.secret());
		clock.advance(LATER);
		Page stepUp = browser.get(browser.get("/accounts/enroll-totp").location());

		Page asApp = browser.submit(stepUp, "/account/confirm/code",
				Map.of("kind", "app", "code", recoveryCode, "next", "/accounts/enroll-totp"));
		Page asText = browser.submit(stepUp, "/account/confirm/code",
				Map.of("kind", "text", "code", recoveryCode, "next", "/accounts/enroll-totp"));
		Page asPassword = browser.submit(stepUp, "/account/confirm/password",
				Map.of("password", recoveryCode, "next", "/accounts/enroll-totp"));

		assertThat(List.of(asApp, asText, asPassword)).allSatisfy(page -> {
			assertThat(page.status()).isEqualTo(200);
			assertThat(page.body()).contains("id=\"step-up-error\"");
		});
		assertThat(browser.get("/accounts/enroll-totp").location()).endsWith(stepUpTo("/accounts/enroll-totp"));
	}

	@Test
	void stepUpPasswordsWhenWrongFiveTimesThenAreThrottledLikeSignIns() {
		String email = "guesser@step-up.example";
		long id = newUser(email);
		TestBrowser attacker = SignedInAs.password(port, email, PASSWORD);
		clock.advance(LATER);
		Page stepUp = attacker.get(attacker.get("/accounts/enroll-totp").location());

		for (int i = 0; i < 5; i++) {
			Page wrong = attacker.submit(stepUp, "/account/confirm/password",
					Map.of("password", "guess-number-" + i, "next", "/accounts/enroll-totp"));
			assertThat(wrong.body()).contains("id=\"step-up-error\"");
		}
		Page rightButThrottled = attacker.submit(stepUp, "/account/confirm/password",
				Map.of("password", PASSWORD, "next", "/accounts/enroll-totp"));

		assertThat(rightButThrottled.status()).isEqualTo(200);
		assertThat(rightButThrottled.body()).contains("id=\"step-up-error\"");
		assertThat(attacker.get("/accounts/enroll-totp").location()).endsWith(stepUpTo("/accounts/enroll-totp"));
		assertThat(factors.list(id)).isEmpty();
		assertThat(audit.latest(50).stream().filter(e -> "step_up.failed".equals(e.type()) && email.equals(e.subject())))
			.hasSize(6);

		clock.advance(Duration.ofSeconds(2));
		assertThat(attacker.submit(stepUp, "/account/confirm/password",
				Map.of("password", PASSWORD, "next", "/accounts/enroll-totp")).location())
			.as("after the delay, as at sign-in").endsWith("/accounts/enroll-totp");
	}

	@Test
	void aStepUpWhenNextIsNotSameOriginThenLandsOnTheAccountPage() {
		String email = "phished@step-up.example";
		newUser(email);
		TestBrowser browser = SignedInAs.password(port, email, PASSWORD);
		clock.advance(LATER);

		Page stepUp = browser.get("/account/confirm?next=https://evil.example/steal");
		assertThat(stepUp.find("name=\"next\" value=\"([^\"]*)\"")).contains("/account");
		Page done = browser.submit(stepUp, "/account/confirm/password",
				Map.of("password", PASSWORD, "next", "//evil.example/steal"));

		assertThat(done.location()).isEqualTo("http://localhost:" + port + "/account");
	}

	@Test
	void changingThePasswordWhenTheSignInIsOlderThanFiveMinutesThenWorksAndCountsAsAStepUp() {
		String email = "changer@step-up.example";
		newUser(email);
		TestBrowser owner = SignedInAs.password(port, email, PASSWORD);
		clock.advance(LATER);

		Page account = owner.get("/account");
		Page changed = owner.submit(account, "/account/password", Map.of("currentPassword", PASSWORD,
				"newPassword", "step-up-new-passphrase-1357", "confirmation", "step-up-new-passphrase-1357"));

		assertThat(changed.location()).endsWith("/account");
		assertThat(owner.get(changed.location()).body()).contains("Your password has been changed");
		assertThat(owner.get("/accounts/enroll-totp").status()).isEqualTo(200);
	}

	@Test
	void anSsoPersonWithoutPasswordOrFactorWhenSteppingUpThenSignsInAgainAndLandsBack() {
		String email = "grace.hopper@acme.test";
		TestBrowser browser = new TestBrowser(port);
		SsoJourney journey = new SsoJourney(browser);
		assertThat(journey.signIn(email, "").location()).endsWith("/account");
		clock.advance(LATER);

		Page stepUp = browser.get(browser.get("/accounts/enroll-totp").location());
		assertThat(stepUp.body()).doesNotContain("id=\"step-up-password\"").doesNotContain("id=\"step-up-app\"");
		String signInAgain = stepUp.find("href=\"(/accounts/login\\?[^\"]+)\"").orElseThrow();
		Page toIdp = browser.get(signInAgain.replace("&amp;", "&"));
		Page back = journey.choose(journey.testIdp(toIdp), email);
		Page landed = browser.get(back.location());

		assertThat(landed.location()).endsWith("/accounts/enroll-totp");
		assertThat(browser.get(landed.location()).status()).isEqualTo(200);
	}

	@Test
	void anSsoPersonWithOnlyAPhoneWhenSteppingUpThenConfirmsWithATextedCodeAndLandsBack() {
		String email = "ada.lovelace@acme.test";
		String phone = "+14155550161";
		TestBrowser browser = new TestBrowser(port);
		assertThat(new SsoJourney(browser).signIn(email, "").location()).endsWith("/account");
		long id = accounts.findForLogin(email, true, false).orElseThrow().userId();
		String phoneFactor = factors.startSms(phone);
		String challenge = factors.sendSms(id, phoneFactor);
		assertThat(factors.confirmSms(id, email, phoneFactor, phone, challenge, new Outbox(port).code(phone))).isTrue();
		clock.advance(LATER);

		Page stepUp = browser.get(browser.get("/accounts/enroll-totp").location());
		assertThat(stepUp.body()).doesNotContain("id=\"step-up-password\"").doesNotContain("id=\"step-up-text\"");
		String factorId = stepUp.find("name=\"factorId\" value=\"(\\d+)\"").orElseThrow();
		Page sent = browser.submit(stepUp, "/account/confirm/send",
				Map.of("factorId", factorId, "next", "/accounts/enroll-totp"));
		assertThat(sent.body()).contains("id=\"step-up-sent\"").contains("id=\"step-up-text\"");
		Page back = browser.submit(sent, "/account/confirm/code",
				Map.of("kind", "text", "code", new Outbox(port).code(phone), "next", "/accounts/enroll-totp"));

		assertThat(back.location()).endsWith("/accounts/enroll-totp");
		assertThat(browser.get(back.location()).status()).isEqualTo(200);
		assertThat(audit.latest(50)).anyMatch(e -> "step_up.passed".equals(e.type()) && email.equals(e.subject())
				&& "method=sms".equals(e.detail()));
	}

	@Test
	void aStolenCookieWhenTheOwnerStepsUpThenDoesNotShareTheFreshProof() {
		String email = "copied.cookie@step-up.example";
		long id = newUser(email);
		TestBrowser owner = SignedInAs.password(port, email, PASSWORD);
		clock.advance(LATER);
		TestBrowser thief = new TestBrowser(port).header("Cookie", "SESSION=" + owner.sessionCookie().orElseThrow());
		assertThat(thief.get("/accounts/enroll-totp").location()).endsWith(stepUpTo("/accounts/enroll-totp"));

		assertThat(stepUpWithPassword(owner, owner.get("/accounts/enroll-totp"), PASSWORD).location())
			.endsWith("/accounts/enroll-totp");

		assertThat(thief.get("/accounts/enroll-totp").location()).as("the copied cookie names no session any more")
			.contains("/accounts/login");
		assertThat(owner.get("/accounts/enroll-totp").status()).isEqualTo(200);
		assertThat(factors.list(id)).isEmpty();
	}

	@Test
	void adminChangesWhenTheSignInIsOlderThanFifteenMinutesThenAreSentToConfirmFirst() {
		String email = "stolen.admin@step-up.example";
		accounts.createAdmin(email, passwords.hash(PASSWORD));
		long someone = newUser("someone.else@step-up.example");
		TestBrowser admin = SignedInAs.password(port, email, PASSWORD);
		clock.advance(LATER);
		assertThat(admin.get("/admin/rules/new").status()).as("a working session of 6 minutes").isEqualTo(200);
		Page users = admin.get("/admin/users");
		clock.advance(Duration.ofMinutes(10));

		assertThat(admin.get("/admin/rules/new").location()).endsWith(stepUpTo("/admin/rules/new"));
		assertThat(admin.submit(users, "/admin/users/" + someone + "/reset-factors", Map.of()).location())
			.endsWith(stepUpTo("/admin/users"));
		assertThat(admin.submit(users, "/admin/users/" + someone + "/deactivate", Map.of()).location())
			.endsWith(stepUpTo("/admin/users"));
		assertThat(accounts.facts(someone).orElseThrow().active()).isTrue();

		Page back = stepUpWithPassword(admin, admin.get("/admin/rules/new"), PASSWORD);
		assertThat(back.location()).endsWith("/admin/rules/new");
		assertThat(admin.get("/admin/rules/new").status()).isEqualTo(200);
	}

}
