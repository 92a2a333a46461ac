package io.gatehouse.mfa;

import java.util.List;
import java.util.Map;

import io.gatehouse.account.Accounts;
import io.gatehouse.account.Passwords;
import io.gatehouse.support.GatehouseIntegrationTest;
import io.gatehouse.support.SsoJourney;
import io.gatehouse.support.TestBrowser;
import io.gatehouse.support.TestBrowser.Page;
import io.gatehouse.support.TotpCodes;
import io.gatehouse.workos.TotpEnrolment;
import io.gatehouse.workos.WorkOs;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** Codes past their life, malformed codes, and {@code next} surviving the second step. */
@GatehouseIntegrationTest
@TestPropertySource(properties = { "spring.application.name=gatehouse-expired-codes",
		"gatehouse.local.emulator-sms-code-lifetime=0s" })
class ExpiredCodesIntegrationTests {

	static final String PASSWORD = "expired-codes-password";

	@LocalServerPort
	int port;

	@Autowired
	Accounts accounts;

	@Autowired
	Passwords passwords;

	@Autowired
	Factors factors;

	@Autowired
	WorkOs workos;

	Page verifyPage(TestBrowser browser, String email, String next) {
		Page toPassword = new SsoJourney(browser).identify(email, next);
		Page toVerify = browser.submit(browser.get(toPassword.location()), "/accounts/login/password",
				Map.of("password", PASSWORD));
		return browser.get(toVerify.location());
	}

	@Test
	void anExpiredTextedCodeSaysSoAndSavesNoFactor() {
		long id = accounts.createLocalUser("late.texter@example.test", null, null, passwords.hash(PASSWORD), List.of());
		TestBrowser browser = io.gatehouse.support.SignedInAs.password(port, "late.texter@example.test", PASSWORD);
		Page form = browser.get("/accounts/enroll-sms");
		Page sent = browser.submit(form, "/accounts/enroll-sms", Map.of("phone", "+14155550188"));

		Page expired = browser.submit(sent, "/accounts/enroll-sms/confirm", Map.of("code", "123456"));

		assertThat(expired.find("id=\"mfa-error\">([^<]+)")).contains("That code has expired. Enter a new one.");
		assertThat(factors.hasFactor(id)).isFalse();
	}

	@Test
	void malformedCodesAreWrongCodesAndNextSurvivesTheSecondStep() {
		long id = accounts.createLocalUser("next.keeper@example.test", null, null, passwords.hash(PASSWORD), List.of());
		TotpEnrolment app = factors.startTotp("Gatehouse", "next.keeper@example.test");
		assertThat(factors.confirmTotp(id, "next.keeper@example.test", app.factorId(), TotpCodes.code(app.secret(), -1)))
			.isTrue();
		TestBrowser browser = new TestBrowser(port);
		Page verify = verifyPage(browser, "next.keeper@example.test", "/account?tab=factors");

		for (String malformed : List.of("12ab56", "", "1234567890", "<script>")) {
			Page again = browser.submit(verify, "/accounts/verify", Map.of("code", malformed));
			assertThat(again.status()).isEqualTo(200);
			assertThat(again.body()).contains("That code is not right").doesNotContain("<script>");
		}
		Page done = browser.submit(verify, "/accounts/verify", Map.of("code", TotpCodes.code(app.secret(), 0)));

		assertThat(done.location()).isEqualTo("http://localhost:" + port + "/account?tab=factors");
	}

	@Test
	void anExpiredEmailCodeIsRefused() {
		long id = accounts.createLocalUser("slow.mail@example.test", null, null, passwords.hash(PASSWORD), List.of());
		EmailCodes codes = emailCodes;
		codes.send(id, "slow.mail@example.test");
		jdbc.sql("update email_codes set expires_at = expires_at - interval '11' minute where user_id = ?").param(id).update();
		String code = new io.gatehouse.support.Outbox(port).code("slow.mail@example.test");

		assertThat(codes.verify(id, code)).isFalse();
	}

	@Autowired
	EmailCodes emailCodes;

	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

}
