package io.gatehouse.ops;

import java.util.Map;

import io.gatehouse.rules.JitMode;
import io.gatehouse.rules.LoginMethod;
import io.gatehouse.rules.LoginRules;
import io.gatehouse.rules.RuleDraft;
import io.gatehouse.support.GatehouseIntegrationTest;
import io.gatehouse.support.TestBrowser;
import io.gatehouse.support.TestBrowser.Page;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code form-action} in connected mode (the same context as {@code ConnectedModeIntegrationTests}): forms post to
 * Gatehouse itself, and the redirects after a POST may go to WorkOS (its API and its Admin Portal). WorkOS then sends
 * the browser on to the organisation's IdP, on an origin nobody can list in advance, and Chromium checks every hop of
 * a form's redirects: so the login step that leaves for WorkOS answers with a page that continues by itself instead.
 */
@GatehouseIntegrationTest
@TestPropertySource(properties = { "gatehouse.workos.api-key=sk_test_connected", "gatehouse.workos.client-id=client_connected",
		"gatehouse.workos.api-base-url=http://127.0.0.1:1", "gatehouse.admin.email=ops@connected.example",
		"gatehouse.admin.password=connected-admin-password" })
class ConnectedModeFormActionIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	LoginRules rules;

	@Test
	void loginPageWhenConnectedThenFormsMayPostOnlyToGatehouseAndWorkOs() {
		Page login = new TestBrowser(port).get("/accounts/login");

		assertThat(FormActionIntegrationTests.formAction(login))
			.contains("'self' http://127.0.0.1:1 https://setup.workos.com http://localhost:" + port);
	}

	@Test
	void loginWhenConnectedAndTheRuleLeavesForWorkOsThenAContinuePageEndsTheFormsRedirects() {
		if (rules.list().stream().noneMatch(r -> r.name().equals("Connected Google people"))) {
			assertThat(rules.save(null, RuleDraft.of("Connected Google people", LoginMethod.GOOGLE_OAUTH, 40, true,
					"@gmail\\.connected\\.example$", null, null, null, JitMode.MATCHING_PATTERN, null, null, false, null, false),
					"test").saved()).isTrue();
		}
		TestBrowser browser = new TestBrowser(port);
		Page login = browser.get("/accounts/login");

		Page answer = browser.submit(login, "/accounts/login", Map.of("username", "sam@gmail.connected.example", "next", ""));

		assertThat(answer.status()).isEqualTo(200);
		assertThat(answer.find("<meta http-equiv=\"refresh\" content=\"0;url=([^\"]+)\"")).get()
			.asString()
			.startsWith("http://127.0.0.1:1/sso/authorize?")
			.contains("provider=GoogleOAuth");
		assertThat(answer.find("id=\"continue-link\" href=\"([^\"]+)\"")).get().asString()
			.startsWith("http://127.0.0.1:1/sso/authorize?");
	}

}
