package io.gatehouse.support;

import java.util.Map;

import io.gatehouse.support.TestBrowser.Page;

import static org.assertj.core.api.Assertions.assertThat;

/** Signs a browser in through the real password step. */
public final class SignedInAs {

	private SignedInAs() {
	}

	public static TestBrowser password(int port, String username, String password) {
		return password(new TestBrowser(port), username, password);
	}

	/** Signs in the given browser (which may carry extra headers, such as a {@code User-Agent}). */
	public static TestBrowser password(TestBrowser browser, String username, String password) {
		Page toPassword = new SsoJourney(browser).identify(username, "");
		assertThat(toPassword.location()).endsWith("/accounts/login/password");
		Page step = browser.get(toPassword.location());
		Page done = browser.submit(step, "/accounts/login/password", Map.of("password", password));
		assertThat(done.status()).as(done.body()).isEqualTo(302);
		return browser;
	}

}
