package io.gatehouse.sso;

import java.util.List;
import java.util.Map;

import io.gatehouse.audit.AuditEntry;
import io.gatehouse.audit.AuditLog;
import io.gatehouse.support.GatehouseIntegrationTest;
import io.gatehouse.support.QueryParams;
import io.gatehouse.support.SsoJourney;
import io.gatehouse.support.TestBrowser;
import io.gatehouse.support.TestBrowser.Page;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every way an SSO callback can go wrong ends on a friendly, escaped page with a way back, no signed-in session,
 * nothing half-written and an audit entry.
 */
@GatehouseIntegrationTest
class SsoCallbackFailureIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	AuditLog audit;

	@Autowired
	JdbcClient jdbc;

	TestBrowser browser;

	SsoJourney sso;

	@BeforeEach
	void newBrowser() {
		browser = new TestBrowser(port);
		sso = new SsoJourney(browser);
	}

	@Test
	void callbackWhenIdpDeniesThenExplainsAndCreatesNoSession() {
		Page back = sso.deny(sso.testIdp(sso.identify("alan.turing@acme.test", "")));
		assertThat(back.locationParam("error")).contains("access_denied");

		Page page = browser.get(back.location());

		assertFailurePage(page, 403, "idp_denied", "Sign-in was cancelled");
		assertThat(page.body()).contains("/accounts/login?username=alan.turing@acme.test");
		assertNotSignedIn();
		assertThat(latest().type()).isEqualTo("login.failed");
		assertThat(latest().detail()).contains("idp_denied:idp:access_denied");
	}

	@Test
	void callbackWhenErrorDescriptionCarriesMarkupThenNothingOfItIsRendered() {
		Page page = browser.get("/accounts/callback/sso?error=%3Cb%3Eoops%3C/b%3E&error_description=%3Cscript%3Ealert(1)%3C/script%3E");

		assertFailurePage(page, 400, "idp_error", "Your identity provider reported a problem");
		assertThat(page.body()).doesNotContain("<script>alert(1)").doesNotContain("alert(1)").doesNotContain("<b>oops");
		assertThat(latest().detail()).contains("idp:boopsb").doesNotContain("<");
	}

	@Test
	void callbackWhenStateIsUnknownThenRefused() {
		sso.identify("katherine.johnson@acme.test", "");

		Page page = browser.get("/accounts/callback/sso?code=ABC&state=forged-state");

		assertFailurePage(page, 400, "state_invalid", "This sign-in has expired");
		assertNotSignedIn();
	}

	@Test
	void callbackWhenStateIsReplayedThenRefused() {
		Page back = sso.choose(sso.testIdp(sso.identify("margaret.hamilton@acme.test", "")), "margaret.hamilton@acme.test");
		assertThat(browser.get(back.location()).status()).isEqualTo(302);
		browser.get("/account");

		TestBrowser attacker = new TestBrowser(port);
		assertFailurePage(attacker.get(back.location()), 400, "state_invalid", "already used");
		assertThat(attacker.get("/account").status()).isEqualTo(302);
	}

	@Test
	void callbackWhenStateComesFromAnotherBrowserThenRefusedAndBurnt() {
		Page back = sso.choose(sso.testIdp(sso.identify("frances.allen@acme.test", "")), "frances.allen@acme.test");

		TestBrowser other = new TestBrowser(port);
		assertFailurePage(other.get(back.location()), 400, "state_invalid", "started in another browser");
		assertThat(other.get("/account").status()).isEqualTo(302);
		assertFailurePage(browser.get(back.location()), 400, "state_invalid", "This sign-in has expired");
	}

	@Test
	void callbackWhenStateIsOlderThanTenMinutesThenRefused() {
		Page back = sso.choose(sso.testIdp(sso.identify("dennis.ritchie@acme.test", "")), "dennis.ritchie@acme.test");
		jdbc.sql("update sso_pending_logins set started_at = started_at - interval '11' minute").update();

		assertFailurePage(browser.get(back.location()), 400, "state_invalid", "This sign-in has expired");
		assertNotSignedIn();
	}

	@Test
	void callbackWhenCodeIsReplayedWithAFreshStateThenRefused() {
		Page back = sso.choose(sso.testIdp(sso.identify("radia.perlman@acme.test", "")), "radia.perlman@acme.test");
		assertThat(browser.get(back.location()).status()).isEqualTo(302);
		String usedCode = back.locationParam("code").orElseThrow();

		TestBrowser replay = new TestBrowser(port);
		String freshState = QueryParams.of(new SsoJourney(replay).identify("radia.perlman@acme.test", "").location())
			.get("state")
			.orElseThrow();
		Page page = replay.get("/accounts/callback/sso?code=" + usedCode + "&state=" + freshState);

		assertFailurePage(page, 400, "code_rejected", "already used or took too long");
		assertThat(replay.get("/account").status()).isEqualTo(302);
	}

	@Test
	void callbackWhenCodeIsUnknownThenRefused() {
		String state = QueryParams.of(sso.identify("claude.shannon@acme.test", "").location()).get("state").orElseThrow();

		Page page = browser.get("/accounts/callback/sso?code=NOT-A-CODE&state=" + state);

		assertFailurePage(page, 400, "code_rejected", "Please start signing in again");
		assertNotSignedIn();
	}

	@Test
	void callbackWhenCodeIsMissingThenRefused() {
		assertFailurePage(browser.get("/accounts/callback/sso"), 400, "missing_code", "incomplete");
	}

	@Test
	void callbackWhenProfileCannotBeParsedThenExplainsAndCreatesNoUser() {
		Page idp = sso.testIdp(sso.identify("broken.profile@acme.test", ""));
		Page back = sso.custom(idp, "broken.profile@acme.test", "{}", "malformed_profile");

		Page page = browser.get(back.location());

		assertFailurePage(page, 502, "profile_unreadable", "could not read");
		assertNotSignedIn();
		assertThat(jdbc.sql("select count(*) from users where email_normalized = 'broken.profile@acme.test'")
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void callbackWhenIdpVouchesForAnAddressOutsideItsRulesThenRefused() {
		Page idp = sso.testIdp(sso.identify("intruder@acme.test", ""));
		Page back = sso.custom(idp, "ceo@globex.test", "{\"role\": \"owner\"}", "");

		assertFailurePage(browser.get(back.location()), 403, "rule_mismatch", "do not let you sign in through this provider");
		assertNotSignedIn();
		assertThat(jdbc.sql("select count(*) from users where email_normalized = 'ceo@globex.test'").query(Long.class).single())
			.isZero();
		assertThat(jdbc.sql("select count(*) from identity_links where email = 'ceo@globex.test'").query(Long.class).single())
			.isZero();
	}

	@Test
	void signInWhenACustomPersonIsEnteredThenTheirRawAttributesAreShown() {
		Page idp = sso.testIdp(sso.identify("new.hire@acme.test", ""));
		Page back = sso.custom(idp, "new.hire@acme.test", "{\"department\": \"R&D <Labs>\", \"level\": 3}", "");

		Page callback = browser.get(back.location());
		Page account = browser.get(callback.location());

		assertThat(account.status()).isEqualTo(200);
		assertThat(account.body()).contains("Casey Custom").contains("R&amp;D &lt;Labs&gt;").doesNotContain("<Labs>");
	}

	@Test
	void testIdpWhenRawAttributesAreNotJsonThenShowsTheErrorOnThePage() {
		Page idp = sso.testIdp(sso.identify("json.typo@acme.test", ""));

		Page again = sso.custom(idp, "json.typo@acme.test", "{department: Sales", "");

		assertThat(again.status()).isEqualTo(200);
		assertThat(again.body()).contains("This is not valid JSON").contains("{department: Sales");
	}

	private void assertFailurePage(Page page, int status, String code, String text) {
		assertThat(page.status()).as(page.body()).isEqualTo(status);
		assertThat(page.find("id=\"failure-code\">([^<]+)")).contains(code);
		assertThat(page.body()).contains(text).contains("Back to sign-in");
	}

	private void assertNotSignedIn() {
		assertThat(browser.get("/account").status()).isEqualTo(302);
	}

	private AuditEntry latest() {
		List<AuditEntry> entries = audit.latest(1);
		assertThat(entries).isNotEmpty();
		return entries.get(0);
	}

}
