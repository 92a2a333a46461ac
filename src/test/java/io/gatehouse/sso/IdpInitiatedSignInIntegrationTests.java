package io.gatehouse.sso;

import java.util.Map;

import io.gatehouse.account.Accounts;
import io.gatehouse.support.GatehouseIntegrationTest;
import io.gatehouse.support.IdpDashboard;
import io.gatehouse.support.SignedInAs;
import io.gatehouse.support.SsoJourney;
import io.gatehouse.support.TestBrowser;
import io.gatehouse.support.TestBrowser.Page;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A person opens Gatehouse from their IdP's dashboard: the code arrives with no state. Such a code can also be pushed
 * into someone else's browser (login CSRF), so a browser already signed in as another person is asked first.
 */
@GatehouseIntegrationTest
class IdpInitiatedSignInIntegrationTests {

	static final String DEMO = "demo.user@example.test";

	static final String DEMO_PASSWORD = "gatehouse-demo-password";

	@LocalServerPort
	int port;

	@Autowired
	Accounts accounts;

	@Autowired
	JdbcClient jdbc;

	@Test
	void idpInitiatedWhenOrganisationAllowsItThenSignsIn() {
		TestBrowser browser = new TestBrowser(port);

		Page callback = browser.get(openFromDashboard(browser, "annie.easley@acme.test").location());

		assertThat(callback.status()).isEqualTo(302);
		assertThat(callback.location()).endsWith("/account");
		Page account = browser.get(callback.location());
		assertThat(account.find("id=\"profile-email\">([^<]+)")).contains("annie.easley@acme.test");
	}

	@Test
	void idpInitiatedWhenOrganisationDoesNotAllowItThenAsksToStartAtTheLoginPage() {
		TestBrowser browser = new TestBrowser(port);

		Page page = browser.get(openFromDashboard(browser, "homer.simpson@globex.test").location());

		assertThat(page.status()).isEqualTo(403);
		assertThat(page.find("id=\"failure-code\">([^<]+)")).contains("idp_initiated_not_allowed");
		assertThat(page.body()).contains("Please start from the sign-in page");
		assertThat(browser.get("/account").status()).isEqualTo(302);
	}

	@Test
	void globexPersonWhenStartingAtTheLoginPageThenSignsIn() {
		TestBrowser browser = new TestBrowser(port);
		Page callback = new io.gatehouse.support.SsoJourney(browser).signIn("homer.simpson@globex.test", "");

		assertThat(callback.location()).endsWith("/account");
		assertThat(browser.get("/account").body()).contains("AzureSAML").contains("Globex");
	}

	@Test
	void idpInitiatedWhenBrowserIsSignedInAsSomeoneElseThenAsksBeforeSwitching() {
		TestBrowser browser = SignedInAs.password(port, DEMO, DEMO_PASSWORD);

		Page callback = browser.get(openFromDashboard(browser, "john.neumann@acme.test").location());

		assertThat(callback.status()).isEqualTo(302);
		Page confirm = browser.get(callback.location());
		assertThat(confirm.status()).isEqualTo(200);
		assertThat(confirm.find("id=\"signed-in-as\">([^<]+)")).contains(DEMO);
		assertThat(confirm.find("id=\"continue-as\">([^<]+)")).contains("john.neumann@acme.test");
		assertThat(confirm.body()).contains("John Neumann").doesNotContain("name=\"code\"");
		assertThat(signedInEmail(browser)).as("nobody was switched yet").isEqualTo(DEMO);
		assertThat(accounts.findForLogin("john.neumann@acme.test", true, false)).as("nothing created before consent")
			.isEmpty();

		Page done = browser.submit(confirm, "/accounts/callback/sso/confirm", Map.of("decision", "continue"));

		assertThat(done.location()).endsWith("/account");
		assertThat(signedInEmail(browser)).isEqualTo("john.neumann@acme.test");
	}

	@Test
	void idpInitiatedWhenThePersonChoosesToStayThenNothingChangesAndNothingIsCreated() {
		TestBrowser browser = SignedInAs.password(port, DEMO, DEMO_PASSWORD);
		Page confirm = browser.follow(browser.get(openFromDashboard(browser, "tim.bernerslee@acme.test").location()));

		Page stayed = browser.submit(confirm, "/accounts/callback/sso/confirm", Map.of("decision", "stay"));

		assertThat(stayed.location()).endsWith("/account");
		assertThat(signedInEmail(browser)).isEqualTo(DEMO);
		assertThat(accounts.findForLogin("tim.bernerslee@acme.test", true, false)).isEmpty();
		Page later = browser.submit(confirm, "/accounts/callback/sso/confirm", Map.of("decision", "continue"));
		assertThat(later.find("id=\"failure-code\">([^<]+)")).as("the declined sign-in is gone").contains("state_invalid");
		assertThat(signedInEmail(browser)).isEqualTo(DEMO);
	}

	@Test
	void idpInitiatedConfirmationWhenUsedTwiceOrFromAnotherBrowserThenSignsNobodyIn() {
		TestBrowser browser = SignedInAs.password(port, DEMO, DEMO_PASSWORD);
		Page confirm = browser.follow(browser.get(openFromDashboard(browser, "annie.easley@acme.test").location()));
		TestBrowser other = SignedInAs.password(port, DEMO, DEMO_PASSWORD);
		Page otherPage = other.get("/account");

		Page foreign = other.submit(otherPage, "/accounts/callback/sso/confirm", Map.of("decision", "continue"));
		assertThat(foreign.find("id=\"failure-code\">([^<]+)")).contains("state_invalid");
		assertThat(signedInEmail(other)).isEqualTo(DEMO);

		assertThat(browser.submit(confirm, "/accounts/callback/sso/confirm", Map.of("decision", "continue")).location())
			.endsWith("/account");
		assertThat(signedInEmail(browser)).isEqualTo("annie.easley@acme.test");
		Page again = browser.submit(browser.get("/account"), "/accounts/callback/sso/confirm", Map.of("decision", "continue"));
		assertThat(again.find("id=\"failure-code\">([^<]+)")).contains("state_invalid");
	}

	@Test
	void idpInitiatedConfirmationWhenPostedWithoutCsrfTokenThenRefused() {
		TestBrowser browser = SignedInAs.password(port, DEMO, DEMO_PASSWORD);
		browser.follow(browser.get(openFromDashboard(browser, "annie.easley@acme.test").location()));

		Page forged = browser.post("/accounts/callback/sso/confirm", Map.of("decision", "continue"));

		assertThat(forged.status()).isEqualTo(403);
		assertThat(signedInEmail(browser)).isEqualTo(DEMO);
	}

	@Test
	void idpInitiatedConfirmationWhenOlderThanFiveMinutesThenExpired() {
		TestBrowser browser = SignedInAs.password(port, DEMO, DEMO_PASSWORD);
		Page confirm = browser.follow(browser.get(openFromDashboard(browser, "annie.easley@acme.test").location()));
		jdbc.sql("update sso_pending_idp_sign_ins set started_at = started_at - interval '6' minute").update();

		Page late = browser.submit(confirm, "/accounts/callback/sso/confirm", Map.of("decision", "continue"));

		assertThat(late.find("id=\"failure-code\">([^<]+)")).contains("state_invalid");
		assertThat(signedInEmail(browser)).isEqualTo(DEMO);
	}

	@Test
	void idpInitiatedWhenTheProfileIsThePersonAlreadySignedInThenContinuesWithoutAsking() {
		TestBrowser browser = new TestBrowser(port);
		new SsoJourney(browser).signIn("annie.easley@acme.test", "");

		Page callback = browser.get(openFromDashboard(browser, "annie.easley@acme.test", "/account?tab=sessions").location());

		assertThat(callback.status()).isEqualTo(302);
		assertThat(callback.location()).endsWith("/account?tab=sessions");
		assertThat(signedInEmail(browser)).isEqualTo("annie.easley@acme.test");
	}

	@Test
	void idpInitiatedWhenRelayStateIsASafePathThenLandsThere() {
		TestBrowser browser = new TestBrowser(port);

		Page callback = browser.get(openFromDashboard(browser, "annie.easley@acme.test", "/account?from=idp").location());

		assertThat(callback.location()).isEqualTo("http://localhost:" + port + "/account?from=idp");
	}

	@Test
	void idpInitiatedWhenRelayStateLeadsElsewhereThenItIsIgnored() {
		for (String hostile : new String[] { "https://evil.example/", "//evil.example/x", "/\\evil.example", "javascript:alert(1)" }) {
			TestBrowser browser = new TestBrowser(port);

			Page callback = browser.get(openFromDashboard(browser, "annie.easley@acme.test", hostile).location());

			assertThat(callback.location()).as(hostile).isEqualTo("http://localhost:" + port + "/account");
		}
	}

	@Test
	void idpInitiatedWhenSignedInAndRelayStateIsHostileThenTheConfirmationStillLandsOnTheAccountPage() {
		TestBrowser browser = SignedInAs.password(port, DEMO, DEMO_PASSWORD);
		Page confirm = browser
			.follow(browser.get(openFromDashboard(browser, "annie.easley@acme.test", "https://evil.example/").location()));

		Page done = browser.submit(confirm, "/accounts/callback/sso/confirm", Map.of("decision", "continue"));

		assertThat(done.location()).isEqualTo("http://localhost:" + port + "/account");
	}

	/** The email on the account page, or null when the browser is not signed in. */
	private @Nullable String signedInEmail(TestBrowser browser) {
		Page account = browser.get("/account");
		return account.status() == 200 ? account.find("id=\"profile-email\">([^<]+)").orElseThrow() : null;
	}

	private Page openFromDashboard(TestBrowser browser, String email) {
		return new IdpDashboard(port).open(browser, email);
	}

	private Page openFromDashboard(TestBrowser browser, String email, @Nullable String relayState) {
		return new IdpDashboard(port).open(browser, email, relayState);
	}

}
