package io.gatehouse.sso;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.gatehouse.account.Accounts;
import io.gatehouse.mail.Deliveries;
import io.gatehouse.support.GatehouseIntegrationTest;
import io.gatehouse.support.Outbox;
import io.gatehouse.support.SsoJourney;
import io.gatehouse.support.TestBrowser;
import io.gatehouse.support.TestBrowser.Page;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Magic links through WorkOS Passwordless (the emulator), read from the outbox as a person would. */
@GatehouseIntegrationTest
class MagicLinkIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	Accounts accounts;

	@Autowired
	JdbcClient jdbc;

	String newMagicUser(String local) {
		String email = local + "@magic.test";
		accounts.createLocalUser(email, "Magic", "Person", null, List.of());
		return email;
	}

	@Autowired
	Deliveries deliveries;

	String linkPattern() {
		return "(http://127\\.0\\.0\\.1:" + port + "/emulator/passwordless/[A-Z0-9]+/confirm)";
	}

	/** The link e-mailed to this address; it is sent in the background, so this waits for it (boundedly). */
	Optional<String> linkFor(String email) {
		return new Outbox(port).await(email, linkPattern());
	}

	Page askForLink(TestBrowser browser, String email) {
		Page answer = new SsoJourney(browser).identify(email, "/account?from=magic");
		assertThat(answer.status()).isEqualTo(200);
		assertThat(answer.body()).contains("Check your email");
		return answer;
	}

	@Test
	void theLinkLeadsToAContinuePageWhosePostSignsIn() {
		String email = newMagicUser("link.reader");
		TestBrowser browser = new TestBrowser(port);
		askForLink(browser, email);
		String link = linkFor(email).orElseThrow();

		Page landing = browser.follow(browser.get(link));
		assertThat(landing.uri().getPath()).isEqualTo("/accounts/callback/magic");
		assertThat(landing.body()).contains("Continue signing in");
		assertThat(browser.get("/account").status()).as("a GET signs nobody in").isEqualTo(302);

		Page done = browser.submit(landing, "/accounts/callback/magic", landingFields(landing));
		assertThat(done.location()).isEqualTo("http://localhost:" + port + "/account?from=magic");
		assertThat(browser.get("/account").find("id=\"profile-email\">([^<]+)")).contains(email);
	}

	@Test
	void aMailScannerOpeningTheLinkFirstSpoilsNothing() {
		String email = newMagicUser("scanned");
		TestBrowser browser = new TestBrowser(port);
		askForLink(browser, email);
		String link = linkFor(email).orElseThrow();

		new TestBrowser(port).follow(new TestBrowser(port).get(link));
		Page landing = browser.follow(browser.get(link));
		Page done = browser.submit(landing, "/accounts/callback/magic", landingFields(landing));

		assertThat(done.location()).endsWith("/account?from=magic");
	}

	@Test
	void theLinkWorksOnlyOnceAndOnlyInTheBrowserThatAskedForIt() {
		String email = newMagicUser("twice");
		TestBrowser browser = new TestBrowser(port);
		askForLink(browser, email);
		Page landing = browser.follow(browser.get(linkFor(email).orElseThrow()));
		Map<String, String> fields = landingFields(landing);

		TestBrowser elsewhere = new TestBrowser(port);
		Page elsewhereLanding = elsewhere.follow(elsewhere.get(linkFor(email).orElseThrow()));
		Page foreign = elsewhere.submit(elsewhereLanding, "/accounts/callback/magic", fields);
		assertThat(foreign.find("id=\"failure-code\">([^<]+)")).contains("state_invalid");
		assertThat(elsewhere.get("/account").status()).isEqualTo(302);

		Page again = browser.submit(landing, "/accounts/callback/magic", fields);
		assertThat(again.find("id=\"failure-code\">([^<]+)")).contains("state_invalid");
	}

	@Test
	void unknownPeopleGetTheSamePageAndNoLinkIsSent() {
		TestBrowser browser = new TestBrowser(port);

		Page known = askForLink(browser, newMagicUser("known"));
		Page unknown = askForLink(new TestBrowser(port), "nobody@magic.test");

		assertThat(unknown.find("(?s)(<section.*</section>)")).isEqualTo(known.find("(?s)(<section.*</section>)"));
		assertThat(deliveries.awaitIdle(Outbox.WAIT)).isTrue();
		assertThat(new Outbox(port).find("nobody@magic.test", linkPattern())).isEmpty();
	}

	@Test
	void aPersonDeactivatedAfterAskingCannotUseTheirLink() {
		String email = newMagicUser("leaver");
		TestBrowser browser = new TestBrowser(port);
		askForLink(browser, email);
		Page landing = browser.follow(browser.get(linkFor(email).orElseThrow()));
		jdbc.sql("update users set active = false where email_normalized = ?").param(email).update();

		Page refused = browser.submit(landing, "/accounts/callback/magic", landingFields(landing));

		assertThat(refused.find("id=\"failure-code\">([^<]+)")).contains("account_inactive");
		assertThat(browser.get("/account").status()).isEqualTo(302);
	}

	@Autowired
	io.gatehouse.mfa.Factors factors;

	Map<String, String> landingFields(Page landing) {
		return Map.of("code", landing.find("name=\"code\" value=\"([^\"]+)\"").orElseThrow(),
				"state", landing.find("name=\"state\" value=\"([^\"]+)\"").orElseThrow());
	}

	@Test
	void aPersonWithASecondFactorIsStillAskedForItAfterTheLink() {
		String email = newMagicUser("guarded");
		long id = accounts.findForLogin(email, true, false).orElseThrow().userId();
		io.gatehouse.workos.TotpEnrolment app = factors.startTotp("Gatehouse", email);
		assertThat(factors.confirmTotp(id, email, app.factorId(), io.gatehouse.support.TotpCodes.code(app.secret(), 0))).isTrue();
		TestBrowser browser = new TestBrowser(port);
		askForLink(browser, email);
		Page landing = browser.follow(browser.get(linkFor(email).orElseThrow()));

		Page next = browser.submit(landing, "/accounts/callback/magic", landingFields(landing));

		assertThat(next.location()).endsWith("/accounts/verify");
		assertThat(browser.get("/account").status()).isEqualTo(302);
	}

	@Test
	void aLinkOpenedAfterTenMinutesNoLongerSignsIn() {
		String email = newMagicUser("slowpoke");
		TestBrowser browser = new TestBrowser(port);
		askForLink(browser, email);
		Page landing = browser.follow(browser.get(linkFor(email).orElseThrow()));
		jdbc.sql("update sso_pending_logins set started_at = started_at - interval '11' minute").update();

		Page refused = browser.submit(landing, "/accounts/callback/magic", landingFields(landing));

		assertThat(refused.find("id=\"failure-code\">([^<]+)")).contains("state_invalid");
	}

	@Test
	void aCodeFromAnotherProviderIsRefused() {
		String email = newMagicUser("mixup");
		TestBrowser browser = new TestBrowser(port);
		askForLink(browser, email);
		Page landing = browser.follow(browser.get(linkFor(email).orElseThrow()));
		TestBrowser other = new TestBrowser(port);
		SsoJourney sso = new SsoJourney(other);
		String ssoCode = io.gatehouse.support.QueryParams.of(
				sso.choose(sso.testIdp(sso.identify("ada.lovelace@acme.test", "")), "ada.lovelace@acme.test").location())
			.get("code")
			.orElseThrow();

		Page refused = browser.submit(landing, "/accounts/callback/magic",
				Map.of("code", ssoCode, "state", landingFields(landing).get("state")));

		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.body()).contains("Back to sign-in");
		assertThat(browser.get("/account").status()).isEqualTo(302);
	}

	@Test
	void aLandingWithoutCodeOrStateIsAFriendlyPage() {
		Page page = new TestBrowser(port).get("/accounts/callback/magic");

		assertThat(page.status()).isEqualTo(400);
		assertThat(page.body()).contains("Back to sign-in");
	}

}
