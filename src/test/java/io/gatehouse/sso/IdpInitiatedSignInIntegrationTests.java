package io.gatehouse.sso;

import java.util.Map;

import io.gatehouse.support.GatehouseIntegrationTest;
import io.gatehouse.support.TestBrowser;
import io.gatehouse.support.TestBrowser.Page;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** A person opens Gatehouse from their IdP's dashboard: the code arrives with no state. */
@GatehouseIntegrationTest
class IdpInitiatedSignInIntegrationTests {

	@LocalServerPort
	int port;

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

	/** Clicks "Open Gatehouse" next to the person on the emulator's IdP dashboard; returns the redirect to the app. */
	private Page openFromDashboard(TestBrowser browser, String email) {
		Page dashboard = browser.get("http://127.0.0.1:" + port + "/emulator/idp");
		assertThat(dashboard.status()).isEqualTo(200);
		String form = dashboard
			.find("(?s)(<form method=\"post\" action=\"/emulator/ui/idp/[^\"]+\">(?:(?!</form>).)*data-email=\"" + email + "\")")
			.orElseThrow();
		String action = form.replaceAll("(?s).*action=\"([^\"]+)\".*", "$1");
		String personId = form.replaceAll("(?s).*name=\"personId\" value=\"([^\"]+)\".*", "$1");
		Page back = browser.submit(dashboard, action, Map.of("personId", personId));
		assertThat(back.status()).isEqualTo(302);
		assertThat(back.location()).startsWith("http://localhost:" + port + "/accounts/callback/sso?code=")
			.doesNotContain("state=");
		return back;
	}

}
