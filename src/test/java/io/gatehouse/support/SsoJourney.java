package io.gatehouse.support;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

import io.gatehouse.support.TestBrowser.Page;

import static org.assertj.core.api.Assertions.assertThat;

/** The steps of an SSO sign-in through the emulator's test IdP, as a person takes them. */
public class SsoJourney {

	private final TestBrowser browser;

	public SsoJourney(TestBrowser browser) {
		this.browser = browser;
	}

	/** Types the email on the login page; returns the answer (a redirect to the IdP, or the page again). */
	public Page identify(String email, String next) {
		Page login = browser.get("/accounts/login" + (next.isEmpty() ? "" : "?next=" + java.net.URLEncoder
			.encode(next, java.nio.charset.StandardCharsets.UTF_8)));
		assertThat(login.status()).isEqualTo(200);
		return browser.submit(login, "/accounts/login", Map.of("username", email, "next", next));
	}

	/** Follows the redirect to the test IdP page. */
	public Page testIdp(Page redirectToIdp) {
		assertThat(redirectToIdp.isRedirect()).as("redirect to the IdP").isTrue();
		Page idp = browser.get(redirectToIdp.location());
		assertThat(idp.status()).isEqualTo(200);
		return idp;
	}

	/** Picks a listed person; returns the redirect back to the app. */
	public Page choose(Page idp, String email) {
		String personId = idp.find("value=\"([^\"]+)\"[^>]*data-email=\"" + Pattern.quote(email) + "\"")
			.orElseThrow(() -> new AssertionError(email + " is not listed on the test IdP page"));
		return browser.submit(idp, action(idp), Map.of("action", "person", "personId", personId, "simulate", ""));
	}

	/** Enters a person by hand; returns the redirect back to the app (or the page with errors). */
	public Page custom(Page idp, String email, String rawAttributes, String simulate) {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("action", "custom");
		fields.put("email", email);
		fields.put("firstName", "Casey");
		fields.put("lastName", "Custom");
		fields.put("rawAttributes", rawAttributes);
		fields.put("simulate", simulate);
		return browser.submit(idp, action(idp), fields);
	}

	public Page deny(Page idp) {
		return browser.submit(idp, action(idp), Map.of("action", "deny"));
	}

	/** The whole journey for a listed person; returns the callback's answer (a redirect when it worked). */
	public Page signIn(String email, String next) {
		Page back = choose(testIdp(identify(email, next)), email);
		assertThat(back.isRedirect()).isTrue();
		return browser.get(back.location());
	}

	private static String action(Page idp) {
		return idp.find("action=\"(/emulator/ui/authorize/[^\"]+)\"")
			.orElseThrow(() -> new AssertionError("not a test IdP page"));
	}

}
