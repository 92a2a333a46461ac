package io.gatehouse.ops;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.gatehouse.support.GatehouseIntegrationTest;
import io.gatehouse.support.SignedInAs;
import io.gatehouse.support.TestBrowser;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code form-action}: a form injected into a page cannot send what people type to another site. Forms post to their
 * own origin, and the redirects that follow a POST (which Chromium checks against the same list, hop by hop) go only
 * to the origins Gatehouse works with: in local mode the emulator (standing in for WorkOS and Okta), and from the
 * emulator's pages back to the app.
 */
@GatehouseIntegrationTest
class FormActionIntegrationTests {

	@LocalServerPort
	int port;

	static Optional<String> formAction(TestBrowser.Page page) {
		return page.header("Content-Security-Policy").map(csp -> {
			Matcher m = Pattern.compile("form-action ([^;]+)").matcher(csp);
			return m.find() ? m.group(1).trim() : null;
		});
	}

	@Test
	void appPagesWhenServedThenFormsMayPostOnlyToThemselvesAndTheEmulator() {
		TestBrowser browser = new TestBrowser(port);

		assertThat(formAction(browser.get("/accounts/login")))
			.contains("'self' http://127.0.0.1:" + port + " http://localhost:" + port);
		assertThat(formAction(SignedInAs.password(port, "demo.user@example.test", "gatehouse-demo-password").get("/account")))
			.contains("'self' http://127.0.0.1:" + port + " http://localhost:" + port);
	}

	@Test
	void emulatorPagesWhenServedThenFormsMayPostOnlyToThemselvesAndBackToTheApp() {
		TestBrowser browser = new TestBrowser(port);

		assertThat(formAction(browser.get("http://127.0.0.1:" + port + "/emulator/idp")))
			.contains("'self' http://localhost:" + port);
	}

}
