package io.gatehouse.sso;

import java.util.Map;

import io.gatehouse.account.Accounts;
import io.gatehouse.account.Passwords;
import io.gatehouse.support.GatehouseIntegrationTest;
import io.gatehouse.support.SignedInAs;
import io.gatehouse.support.SsoJourney;
import io.gatehouse.support.TestBrowser;
import io.gatehouse.support.TestBrowser.Page;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** The local-mode demo rules at work: OAuth through WorkOS, JIT groups, saved attributes and their auto-update. */
@GatehouseIntegrationTest
class RulesDrivenSignInIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	Accounts accounts;

	@Autowired
	Passwords passwords;

	@Test
	void gmailPersonSignsInWithGoogleThroughWorkOsAndGetsAnAccount() {
		TestBrowser browser = new TestBrowser(port);
		SsoJourney sso = new SsoJourney(browser);
		Page toGoogle = sso.identify("alex.doe@gmail.test", "");
		assertThat(toGoogle.locationParam("provider")).contains("GoogleOAuth");

		Page google = sso.testIdp(toGoogle);
		assertThat(google.body()).contains("Sign in with Google").contains("<span>Google OAuth</span>, emulated");
		Page account = browser.get(browser.get(sso.choose(google, "alex.doe@gmail.test").location()).location());

		assertThat(account.find("id=\"profile-email\">([^<]+)")).contains("alex.doe@gmail.test");
		assertThat(account.body()).contains("GoogleOAuth").contains("email_verified");
	}

	@Test
	void jitGivesTheRulesGroupsAndSavedAttributes() {
		TestBrowser browser = new TestBrowser(port);
		Page callback = new SsoJourney(browser).signIn("katherine.johnson@acme.test", "");
		Page account = browser.get(callback.location());

		assertThat(account.find("id=\"profile-groups\">([^<]+)")).contains("Acme staff");
		assertThat(account.find("(?s)id=\"profile-attributes\">(.*?)</table>")).get().asString()
			.contains("department").contains("Research").contains("Mathematician");
	}

	@Test
	void savedAttributesAreUpdatedAtLaterSignInsWhenTheRuleSaysSo() {
		signInCustom("moving.person@acme.test", "{\"department\": \"Sales\", \"title\": \"Rep\"}");
		Page account = signInCustom("moving.person@acme.test", "{\"department\": \"Marketing\", \"title\": \"Lead\"}");

		assertThat(account.find("(?s)id=\"profile-attributes\">(.*?)</table>")).get().asString()
			.contains("Marketing").contains("Lead").doesNotContain("Sales");
	}

	@Test
	void peopleChangeTheirOwnPasswordOnTheAccountPage() {
		accounts.createLocalUser("changer@example.test", "Chang", "Er", passwords.hash("first-password-1"),
				java.util.List.of());
		TestBrowser browser = SignedInAs.password(port, "changer@example.test", "first-password-1");
		Page page = browser.get("/account");

		Page mismatch = browser.submit(page, "/account/password",
				Map.of("currentPassword", "first-password-1", "newPassword", "second-password-2", "confirmation", "other"));
		assertThat(mismatch.body()).contains("The two new passwords differ.");
		Page wrong = browser.submit(page, "/account/password",
				Map.of("currentPassword", "nope-nope-nope", "newPassword", "second-password-2", "confirmation",
						"second-password-2"));
		assertThat(wrong.body()).contains("This is not your current password.");
		Page tooShort = browser.submit(page, "/account/password",
				Map.of("currentPassword", "first-password-1", "newPassword", "short", "confirmation", "short"));
		assertThat(tooShort.body()).contains("Use at least 15 characters");

		Page done = browser.submit(page, "/account/password", Map.of("currentPassword", "first-password-1",
				"newPassword", "second-password-2", "confirmation", "second-password-2"));
		assertThat(browser.get(done.location()).body()).contains("Your password has been changed.");
		SignedInAs.password(port, "changer@example.test", "second-password-2");
	}

	private Page signInCustom(String email, String raw) {
		TestBrowser browser = new TestBrowser(port);
		SsoJourney sso = new SsoJourney(browser);
		Page back = sso.custom(sso.testIdp(sso.identify(email, "")), email, raw, "");
		Page callback = browser.get(back.location());
		assertThat(callback.status()).as(callback.body()).isEqualTo(302);
		return browser.get(callback.location());
	}

}
