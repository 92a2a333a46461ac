package io.gatehouse.support;

import java.util.Map;

import io.gatehouse.support.TestBrowser.Page;

import static org.assertj.core.api.Assertions.assertThat;

/** Signs a browser in through the real password step. */
public final class SignedInAs {

	private SignedInAs() {
	}

	public static TestBrowser password(int port, String username, String password) {
		TestBrowser browser = new TestBrowser(port);
		Page toPassword = new SsoJourney(browser).identify(username, "");
		assertThat(toPassword.location()).endsWith("/accounts/login/password");
		Page step = browser.get(toPassword.location());
		Page done = browser.submit(step, "/accounts/login/password", Map.of("password", password));
		assertThat(done.status()).as(done.body()).isEqualTo(302);
		return browser;
	}

}
