package io.gatehouse.mfa;

import java.util.List;
import java.util.Map;

import io.gatehouse.account.Accounts;
import io.gatehouse.account.Passwords;
import io.gatehouse.support.GatehouseIntegrationTest;
import io.gatehouse.support.Outbox;
import io.gatehouse.support.SignedInAs;
import io.gatehouse.support.SsoJourney;
import io.gatehouse.support.TestBrowser;
import io.gatehouse.support.TestBrowser.Page;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** Text-message codes: enrolment, the code at sign-in (read from the emulator's outbox), and the send limit. */
@GatehouseIntegrationTest
class SmsSignInIntegrationTests {

	static final String PASSWORD = "sms-user-password";

	@LocalServerPort
	int port;

	@Autowired
	Accounts accounts;

	@Autowired
	Passwords passwords;

	String newUser(String email) {
		accounts.createLocalUser(email, "Sms", "User", passwords.hash(PASSWORD), List.of());
		return email;
	}

	/** The newest code the outbox shows for a phone number. */
	String latestCode(String phone) {
		return new Outbox(port).code(phone);
	}

	void enrolSms(TestBrowser browser, String phone) {
		Page form = browser.get("/accounts/enroll-sms");
		Page sent = browser.submit(form, "/accounts/enroll-sms", Map.of("phone", phone));
		assertThat(sent.body()).contains("We texted a code to");
		Page done = browser.submit(sent, "/accounts/enroll-sms/confirm", Map.of("code", latestCode(phone)));
		assertThat(done.status()).as(done.body()).isEqualTo(302);
	}

	@Test
	void aPhoneWorkOsRejectsIsAFieldErrorAndAGoodOneIsEnrolledWithTheTextedCode() {
		TestBrowser browser = SignedInAs.password(port, newUser("phone.person@example.test"), PASSWORD);
		Page form = browser.get("/accounts/enroll-sms");

		Page rejected = browser.submit(form, "/accounts/enroll-sms", Map.of("phone", "12345"));
		assertThat(rejected.find("id=\"phone-error\">([^<]+)")).get().asString().contains("was not accepted");

		enrolSms(browser, "+14155550101");
		Page account = browser.get("/account");
		assertThat(account.body()).contains("Text message to ••••••••••01").doesNotContain("+14155550101");
	}

	@Test
	void signInWithAPhoneFactorTextsACodeThatLetsYouIn() {
		String email = newUser("texted@example.test");
		enrolSms(SignedInAs.password(port, email, PASSWORD), "+14155550102");
		TestBrowser browser = new TestBrowser(port);
		Page toPassword = new SsoJourney(browser).identify(email, "");
		Page toVerify = browser.submit(browser.get(toPassword.location()), "/accounts/login/password",
				Map.of("password", PASSWORD));
		Page verify = browser.get(toVerify.location());
		assertThat(verify.body()).contains("Text a code to ••••••••••02");

		Page sent = browser.get(browser.submit(verify, "/accounts/verify/send", Map.of()).location());
		Page signedIn = browser.submit(sent, "/accounts/verify", Map.of("code", latestCode("+14155550102")));

		assertThat(signedIn.location()).endsWith("/account");
		assertThat(browser.get("/account").status()).isEqualTo(200);
	}

	@Test
	void atMostThreeTextsInTenMinutes() {
		TestBrowser browser = SignedInAs.password(port, newUser("impatient@example.test"), PASSWORD);
		Page form = browser.get("/accounts/enroll-sms");
		for (int i = 0; i < 3; i++) {
			assertThat(browser.submit(form, "/accounts/enroll-sms", Map.of("phone", "+14155550103")).body())
				.contains("We texted a code to");
		}

		Page fourth = browser.submit(form, "/accounts/enroll-sms", Map.of("phone", "+14155550103"));

		assertThat(fourth.find("id=\"phone-error\">([^<]+)")).get().asString()
			.contains("Please wait a few minutes before requesting another code");
	}

}
