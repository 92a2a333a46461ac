package io.gatehouse.sso;

import io.gatehouse.support.GatehouseIntegrationTest;
import io.gatehouse.support.QueryParams;
import io.gatehouse.support.SsoJourney;
import io.gatehouse.support.TestBrowser;
import io.gatehouse.support.TestBrowser.Page;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** Direct OpenID Connect through Spring Security's oauth2Login against the emulated Okta. */
@GatehouseIntegrationTest
class OidcSignInIntegrationTests {

	@LocalServerPort
	int port;

	@Test
	void oktaPersonSignsInWithOidcAndIsProvisionedByTheRule() {
		TestBrowser browser = new TestBrowser(port);
		SsoJourney sso = new SsoJourney(browser);

		Page toSpring = sso.identify("olivia.okafor@okta.test", "/account?via=oidc");
		assertThat(toSpring.location()).endsWith("/oauth2/authorization/okta?login_hint=olivia.okafor%40okta.test");
		Page toOkta = browser.get(toSpring.location());
		QueryParams authorize = QueryParams.of(toOkta.location());
		assertThat(toOkta.location()).startsWith("http://127.0.0.1:" + port + "/emulator/oidc/authorize?");
		assertThat(authorize.get("nonce")).isPresent();
		assertThat(authorize.get("code_challenge_method")).contains("S256");
		assertThat(authorize.get("login_hint")).contains("olivia.okafor@okta.test");

		Page okta = sso.testIdp(toOkta);
		assertThat(okta.body()).contains("Sign in with Okta");
		Page back = sso.choose(okta, "olivia.okafor@okta.test");
		Page done = browser.get(back.location());

		assertThat(done.location()).isEqualTo("http://localhost:" + port + "/account?via=oidc");
		Page account = browser.get("/account");
		assertThat(account.find("id=\"profile-email\">([^<]+)")).contains("olivia.okafor@okta.test");
		assertThat(account.body()).contains("OIDC").contains("Okta staff");
	}

	@org.junit.jupiter.params.ParameterizedTest
	@org.junit.jupiter.params.provider.ValueSource(strings = { "oidc_wrong_issuer", "oidc_wrong_audience", "oidc_wrong_nonce" })
	void anIdTokenWithAWrongIssuerAudienceOrNonceIsRefused(String fault) {
		TestBrowser browser = new TestBrowser(port);
		SsoJourney sso = new SsoJourney(browser);
		Page toOkta = browser.get(sso.identify("olivia.okafor@okta.test", "").location());
		Page back = sso.custom(sso.testIdp(toOkta), "olivia.okafor@okta.test", "{}", fault);

		Page refused = browser.follow(browser.get(back.location()));

		assertThat(refused.status()).as(fault).isEqualTo(400);
		assertThat(refused.body()).contains("Your identity provider reported a problem").contains("Back to sign-in");
		assertThat(browser.get("/account").status()).isEqualTo(302);
	}

	@Test
	void anUnverifiedEmailIsNeverLinkedToAnAccount() {
		TestBrowser browser = new TestBrowser(port);
		SsoJourney sso = new SsoJourney(browser);
		Page toOkta = browser.get(sso.identify("unverified@okta.test", "").location());
		Page back = sso.custom(sso.testIdp(toOkta), "unverified@okta.test", "{}", "oidc_email_unverified");

		Page refused = browser.follow(browser.get(back.location()));

		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.find("id=\"failure-code\">([^<]+)")).contains("email_unverified");
		assertThat(browser.get("/account").status()).isEqualTo(302);
	}

	@Test
	void signingOutEndsTheOktaSessionTooAndComesBack() {
		TestBrowser browser = new TestBrowser(port);
		SsoJourney sso = new SsoJourney(browser);
		Page toOkta = browser.get(sso.identify("oscar.ortiz@okta.test", "").location());
		browser.get(sso.choose(sso.testIdp(toOkta), "oscar.ortiz@okta.test").location());
		Page account = browser.get("/account");
		assertThat(account.status()).isEqualTo(200);

		Page out = browser.submit(account, "/accounts/logout", java.util.Map.of());

		assertThat(out.location()).startsWith("http://127.0.0.1:" + port + "/emulator/oidc/logout?id_token_hint=");
		assertThat(QueryParams.of(out.location()).get("post_logout_redirect_uri"))
			.contains("http://localhost:" + port + "/accounts/login?signedOut");
		assertThat(browser.get(out.location()).location()).endsWith("/accounts/login?signedOut");
		assertThat(browser.get("/account").status()).isEqualTo(302);
	}

	@Test
	void aCodeReplayedIntoAnotherBrowserIsRefused() {
		TestBrowser browser = new TestBrowser(port);
		SsoJourney sso = new SsoJourney(browser);
		Page toOkta = browser.get(sso.identify("oscar.ortiz@okta.test", "").location());
		Page back = sso.choose(sso.testIdp(toOkta), "oscar.ortiz@okta.test");

		TestBrowser attacker = new TestBrowser(port);
		Page refused = attacker.follow(attacker.get(back.location()));

		assertThat(refused.body()).contains("Back to sign-in");
		assertThat(attacker.get("/account").status()).isEqualTo(302);
	}

}
