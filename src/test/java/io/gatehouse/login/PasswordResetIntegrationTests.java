package io.gatehouse.login;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.gatehouse.account.Accounts;
import io.gatehouse.account.Passwords;
import io.gatehouse.mail.Deliveries;
import io.gatehouse.mfa.Factors;
import io.gatehouse.support.GatehouseIntegrationTest;
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
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** "Forgot your password?" through HTTP, with the link read from the local outbox. */
@GatehouseIntegrationTest
class PasswordResetIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	Accounts accounts;

	@Autowired
	Passwords passwords;

	@Autowired
	Factors factors;

	@Autowired
	JdbcClient jdbc;

	long newUser(String email) {
		return accounts.createLocalUser(email, "Re", "Set", passwords.hash("old-password-123"), List.of());
	}

	Page ask(TestBrowser browser, String email) {
		Page form = browser.get("/accounts/password-reset");
		return browser.submit(form, "/accounts/password-reset", Map.of("email", email));
	}

	@Autowired
	Deliveries deliveries;

	static final String LINK = "(http://localhost:%d/accounts/password-reset/[A-Za-z0-9_-]+)";

	/** The link e-mailed to this address; the mail goes out in the background, so this waits for it (boundedly). */
	Optional<String> linkFor(String email) {
		return new Outbox(port).await(email, LINK.formatted(port));
	}

	/** Whether a link was e-mailed to this address, once every queued delivery has gone out. */
	boolean linkWasSentTo(String email) {
		assertThat(deliveries.awaitIdle(Outbox.WAIT)).isTrue();
		return new Outbox(port).find(email, LINK.formatted(port)).isPresent();
	}

	@Test
	void aPasswordUserResetsTheirPasswordWithTheEmailedLinkOnce() {
		newUser("forgetful@example.test");
		TestBrowser browser = new TestBrowser(port);

		assertThat(ask(browser, "forgetful@example.test").body()).contains("Check your email");
		String link = linkFor("forgetful@example.test").orElseThrow();
		Page choose = browser.get(link);
		Page mismatch = browser.submit(choose, link, Map.of("password", "new-password-456", "confirmation", "other"));
		assertThat(mismatch.find("id=\"confirmation-error\">([^<]+)")).get().asString().contains("differ");
		Page done = browser.submit(choose, link, Map.of("password", "new-password-456", "confirmation", "new-password-456"));

		assertThat(done.location()).endsWith("/accounts/login?passwordReset");
		assertThat(browser.get("/account").status()).as("a reset signs nobody in").isEqualTo(302);
		SignedInAs.password(port, "forgetful@example.test", "new-password-456");
		assertThat(browser.get(link).body()).contains("This link no longer works");
	}

	@Test
	void unknownAddressesAndSsoPeopleGetTheSameAnswerAndNoEmail() {
		accounts.createLocalUser("sso.with.password@acme.test", null, null, passwords.hash("old-password-123"), List.of());
		TestBrowser browser = new TestBrowser(port);

		Page unknown = ask(browser, "nobody.here@example.test");
		Page sso = ask(browser, "sso.with.password@acme.test");

		assertThat(unknown.body()).contains("Check your email");
		assertThat(sso.find("(?s)(<section.*</section>)")).isEqualTo(unknown.find("(?s)(<section.*</section>)"));
		assertThat(linkWasSentTo("nobody.here@example.test")).isFalse();
		assertThat(linkWasSentTo("sso.with.password@acme.test")).isFalse();
	}

	@Test
	void anExpiredLinkNoLongerWorks() {
		newUser("slow.reader@example.test");
		ask(new TestBrowser(port), "slow.reader@example.test");
		String link = linkFor("slow.reader@example.test").orElseThrow();
		jdbc.sql("update password_reset_tokens set expires_at = expires_at - interval '31' minute").update();

		assertThat(new TestBrowser(port).get(link).body()).contains("This link no longer works");
	}

	@Test
	void aResetNeverSkipsTheSecondFactor() {
		long id = newUser("guarded@example.test");
		TotpEnrolment app = factors.startTotp("Gatehouse", "guarded@example.test");
		assertThat(factors.confirmTotp(id, "guarded@example.test", app.factorId(), TotpCodes.code(app.secret(), 0))).isTrue();
		TestBrowser browser = new TestBrowser(port);
		ask(browser, "guarded@example.test");
		String link = linkFor("guarded@example.test").orElseThrow();
		browser.submit(browser.get(link), link, Map.of("password", "brand-new-pass-1", "confirmation", "brand-new-pass-1"));

		Page toPassword = new SsoJourney(browser).identify("guarded@example.test", "");
		Page afterPassword = browser.submit(browser.get(toPassword.location()), "/accounts/login/password",
				Map.of("password", "brand-new-pass-1"));

		assertThat(afterPassword.location()).endsWith("/accounts/verify");
		assertThat(browser.get("/account").status()).isEqualTo(302);
	}

}
