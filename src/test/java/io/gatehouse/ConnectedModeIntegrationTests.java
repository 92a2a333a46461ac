package io.gatehouse;

import java.util.LinkedHashMap;
import java.util.Map;

import io.gatehouse.support.GatehouseIntegrationTest;
import io.gatehouse.support.SignedInAs;
import io.gatehouse.support.TestBrowser;
import io.gatehouse.support.TestBrowser.Page;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Connected mode (a WorkOS API key set; WorkOS itself unreachable here): no emulator, no local banner, the first admin
 * from the environment, and the rule editor explaining that OIDC needs its settings.
 */
@GatehouseIntegrationTest
@TestPropertySource(properties = { "gatehouse.workos.api-key=sk_test_connected", "gatehouse.workos.client-id=client_connected",
		"gatehouse.workos.api-base-url=http://127.0.0.1:1", "gatehouse.admin.email=ops@connected.example",
		"gatehouse.admin.password=connected-admin-password" })
class ConnectedModeIntegrationTests {

	@LocalServerPort
	int port;

	@Test
	void theEmulatorIsNotThereAndTheLoginPageHasNoLocalBanner() {
		TestBrowser browser = new TestBrowser(port);

		assertThat(browser.get("http://127.0.0.1:" + port + "/emulator/idp").status()).isEqualTo(404);
		assertThat(browser.get("/accounts/login").body()).doesNotContain("Local mode").doesNotContain("local mode");
	}

	@Test
	void theFirstAdminComesFromTheEnvironmentAndLearnsWhyOidcIsUnavailable() {
		TestBrowser admin = SignedInAs.password(port, "ops@connected.example", "connected-admin-password");
		Page form = admin.get("/admin/rules/new");
		assertThat(form.body()).contains("OIDC (Okta) is unavailable until OKTA_ISSUER");
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("name", "Okta people");
		fields.put("method", "OIDC");
		fields.put("priority", "30");
		fields.put("enabled", "true");
		fields.put("emailPattern", "@okta\\.example$");
		fields.put("jitMode", "OFF");

		Page again = admin.submit(form, "/admin/rules", fields);

		assertThat(again.status()).isEqualTo(200);
		assertThat(again.body()).contains("OIDC (Okta) is not configured: set OKTA_ISSUER, OKTA_CLIENT_ID and OKTA_CLIENT_SECRET");
	}

}
