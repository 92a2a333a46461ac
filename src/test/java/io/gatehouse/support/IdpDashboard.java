package io.gatehouse.support;

import java.util.LinkedHashMap;
import java.util.Map;

import io.gatehouse.support.TestBrowser.Page;
import org.jspecify.annotations.Nullable;

import static org.assertj.core.api.Assertions.assertThat;

/** The emulator's IdP dashboard, used as a person would: "Open Gatehouse" next to their name. */
public final class IdpDashboard {

	private final int port;

	public IdpDashboard(int port) {
		this.port = port;
	}

	/** Opens Gatehouse for the person; returns the redirect to the app's callback (a code and no state). */
	public Page open(TestBrowser browser, String email) {
		return open(browser, email, null);
	}

	/** The same, with the {@code RelayState} the IdP would send. */
	public Page open(TestBrowser browser, String email, @Nullable String relayState) {
		Page dashboard = browser.get("http://127.0.0.1:" + port + "/emulator/idp");
		assertThat(dashboard.status()).isEqualTo(200);
		String form = dashboard
			.find("(?s)(<form method=\"post\" action=\"/emulator/ui/idp/[^\"]+\">(?:(?!</form>).)*data-email=\"" + email + "\")")
			.orElseThrow(() -> new AssertionError(email + " is not on the IdP dashboard"));
		String action = form.replaceAll("(?s).*action=\"([^\"]+)\".*", "$1");
		String personId = form.replaceAll("(?s).*name=\"personId\" value=\"([^\"]+)\".*", "$1");
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("personId", personId);
		if (relayState != null) {
			fields.put("relayState", relayState);
		}
		Page back = browser.submit(dashboard, action, fields);
		assertThat(back.status()).isEqualTo(302);
		assertThat(back.location()).startsWith("http://localhost:" + port + "/accounts/callback/sso?code=")
			.doesNotContain("state=");
		return back;
	}

}
