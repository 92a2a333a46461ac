package io.gatehouse.support;

import java.util.Map;

import io.gatehouse.support.TestBrowser.Page;

import static org.assertj.core.api.Assertions.assertThat;

/** Signs a browser in through the real password step (and the code step, for people with an authenticator app). */
public final class SignedInAs {

	private SignedInAs() {
	}

	public static TestBrowser password(int port, String username, String password) {
		return password(new TestBrowser(port), username, password);
	}

	/** Signs this browser in (e.g. one with its own user agent). */
	public static TestBrowser password(TestBrowser browser, String username, String password) {
		Page toPassword = new SsoJourney(browser).identify(username, "");
		assertThat(toPassword.location()).endsWith("/accounts/login/password");
		Page step = browser.get(toPassword.location());
		Page done = browser.submit(step, "/accounts/login/password", Map.of("password", password));
		assertThat(done.status()).as(done.body()).isEqualTo(302);
		return browser;
	}

	/** Signs in with the password, then a current code of the person's authenticator app. */
	public static TestBrowser passwordAndApp(int port, String username, String password, String appSecret) {
		TestBrowser browser = new TestBrowser(port);
		Page toPassword = new SsoJourney(browser).identify(username, "");
		Page toVerify = browser.submit(browser.get(toPassword.location()), "/accounts/login/password",
				Map.of("password", password));
		assertThat(toVerify.location()).endsWith("/accounts/verify");
		Page signedIn = browser.submit(browser.get(toVerify.location()), "/accounts/verify",
				Map.of("code", TotpCodes.code(appSecret, 0)));
		assertThat(signedIn.location()).endsWith("/account");
		return browser;
	}

}
