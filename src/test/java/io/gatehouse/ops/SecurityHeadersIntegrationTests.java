package io.gatehouse.ops;

import io.gatehouse.support.GatehouseIntegrationTest;
import io.gatehouse.support.SignedInAs;
import io.gatehouse.support.TestBrowser;
import io.gatehouse.support.TestBrowser.Page;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** The headers every page carries, and error pages that say what happened and nothing more. */
@GatehouseIntegrationTest
class SecurityHeadersIntegrationTests {

	@LocalServerPort
	int port;

	@Test
	void signInPagesAreNotStoredNorFramedAndAllowNoInlineScript() {
		Page login = new TestBrowser(port).get("/accounts/login");

		assertThat(login.header("Cache-Control")).hasValueSatisfying(v -> assertThat(v).contains("no-store"));
		assertThat(login.header("X-Frame-Options")).contains("DENY");
		assertThat(login.header("X-Content-Type-Options")).contains("nosniff");
		assertThat(login.header("Referrer-Policy")).contains("same-origin");
		assertThat(login.header("Content-Security-Policy")).hasValueSatisfying(csp -> assertThat(csp)
			.contains("script-src 'self'").contains("frame-ancestors 'none'").doesNotContain("unsafe-inline"));
	}

	@Test
	void errorPagesLeakNothing() {
		TestBrowser browser = SignedInAs.password(port, "demo.user@example.test", "gatehouse-demo-password");

		Page missing = browser.get("/no/such/page");
		Page direct = new TestBrowser(port).get("/error");
		Page strangerMissing = new TestBrowser(port).get("/no/such/page");

		assertThat(missing.status()).isEqualTo(404);
		assertThat(missing.body()).contains("Page not found").doesNotContain("Exception").doesNotContain("at io.gatehouse");
		assertThat(direct.status()).isEqualTo(404);
		assertThat(strangerMissing.status()).as("strangers learn nothing about what exists: off to sign in").isEqualTo(302);
	}

}
