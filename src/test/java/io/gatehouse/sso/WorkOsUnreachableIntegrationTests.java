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
		if (rules.list().stream().noneMatch(r -> r.name().equals("Offline Corp via SSO"))) {
			assertThat(rules.save(null, RuleDraft.of("Offline Corp via SSO", LoginMethod.SSO, 11, true, "@offline\\.test$",
					null, null, "org_offline", JitMode.MATCHING_PATTERN, null, null, false, null, false), "test").saved())
				.isTrue();
			assertThat(rules.save(null, RuleDraft.of("Passwords", LoginMethod.PASSWORD, 20, true, "@password\\.test$",
					null, null, null, JitMode.OFF, null, null, false, null, false), "test").saved())
				.isTrue();
		}
	}

	@Autowired
	io.gatehouse.account.Passwords passwords;

	@Autowired
	io.gatehouse.mfa.Factors factors;

	@Test
	void enrolmentWhenWorkOsCannotBeReachedThenExplainsAndSavesNothing() {
		long id = accounts.createLocalUser("offline.enroller@password.test", null, null,
				passwords.hash("offline-password-1"), java.util.List.of());
		TestBrowser browser = io.gatehouse.support.SignedInAs.password(port, "offline.enroller@password.test",
				"offline-password-1");

		Page page = browser.get("/accounts/enroll-totp");

		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("We could not reach our second-factor service");
		assertThat(factors.hasFactor(id)).isFalse();
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
