package io.gatehouse.sso;

import java.io.IOException;
import java.net.ServerSocket;

import io.gatehouse.account.Accounts;
import io.gatehouse.rules.JitMode;
import io.gatehouse.rules.LoginMethod;
import io.gatehouse.rules.LoginRules;
import io.gatehouse.rules.RuleDraft;
import io.gatehouse.support.GatehouseIntegrationTest;
import io.gatehouse.support.QueryParams;
import io.gatehouse.support.SsoJourney;
import io.gatehouse.support.TestBrowser;
import io.gatehouse.support.TestBrowser.Page;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** WorkOS (here: the address the SDK is pointed at) does not answer: sign-in fails kindly and starts work as usual. */
@GatehouseIntegrationTest
class WorkOsUnreachableIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	Accounts accounts;

	@DynamicPropertySource
	static void pointTheSdkAtAClosedPort(DynamicPropertyRegistry registry) throws IOException {
		int closed;
		try (ServerSocket socket = new ServerSocket(0)) {
			closed = socket.getLocalPort();
		}
		registry.add("gatehouse.workos.api-base-url", () -> "http://127.0.0.1:" + closed + "/emulator");
	}

	@Autowired
	LoginRules rules;

	@BeforeEach
	void anOrganisationAndItsSsoRuleAreKnownFromEarlier() {
		accounts.importOrganization("org_offline", "Offline Corp", java.util.List.of("offline.test"));
		if (rules.isEmpty()) {
			assertThat(rules.save(null, RuleDraft.of("Offline Corp via SSO", LoginMethod.SSO, 10, true, "@offline\\.test$",
					null, null, "org_offline", JitMode.MATCHING_PATTERN, null, null, false, null, false), "test").saved())
				.isTrue();
		}
	}

	@Test
	void callbackWhenWorkOsCannotBeReachedThenExplainsAndCreatesNoSession() {
		TestBrowser browser = new TestBrowser(port);
		Page toIdp = new SsoJourney(browser).identify("pat@offline.test", "");
		String state = QueryParams.of(toIdp.location()).get("state").orElseThrow();

		Page page = browser.get("/accounts/callback/sso?code=SOMECODE&state=" + state);

		assertThat(page.status()).isEqualTo(503);
		assertThat(page.find("id=\"failure-code\">([^<]+)")).contains("workos_unavailable");
		assertThat(page.body()).contains("We could not reach our sign-in provider").contains("Back to sign-in");
		assertThat(browser.get("/account").status()).isEqualTo(302);
	}

}
