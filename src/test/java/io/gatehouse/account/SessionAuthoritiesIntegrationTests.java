package io.gatehouse.account;

import java.util.UUID;

import io.gatehouse.rules.JitMode;
import io.gatehouse.rules.LoginMethod;
import io.gatehouse.rules.LoginRules;
import io.gatehouse.rules.RuleDraft;
import io.gatehouse.rules.RuleView;
import io.gatehouse.support.GatehouseIntegrationTest;
import io.gatehouse.support.SsoJourney;
import io.gatehouse.support.TestBrowser;
import io.gatehouse.support.TestBrowser.Page;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A session's authorities follow the account: a change to the admin flag or the groups made anywhere (here by a later
 * SSO sign-in whose rule updates saved attributes) reaches the person's other sessions on their next request.
 */
@GatehouseIntegrationTest
class SessionAuthoritiesIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	LoginRules rules;

	@Autowired
	Accounts accounts;

	/** An SSO rule for one address (before the "Administrators" rule, so it still applies once the person is admin). */
	RuleView ruleFor(String email, int priority, String savedAttributes) {
		String acme = accounts.organizationForEmail(email).orElseThrow().workosId();
		LoginRules.SaveResult result = rules.save(null, RuleDraft.of("Only " + email, LoginMethod.SSO, priority, true,
				"^" + email.replace(".", "\\.") + "$", null, null, acme, JitMode.MATCHING_PATTERN, null, savedAttributes,
				true, null, false), "test");
		assertThat(result.errors()).isEmpty();
		return result.rule();
	}

	void update(RuleView rule, String savedAttributes) {
		assertThat(rules.save(rule.id(), RuleDraft.of(rule.name(), rule.method(), rule.priority(), true, rule.emailPattern(),
				null, null, rule.organizationId(), rule.jitMode(), null, savedAttributes, true, null, false), "test")
			.errors()).isEmpty();
	}

	TestBrowser signIn(String email) {
		TestBrowser browser = new TestBrowser(port);
		SsoJourney sso = new SsoJourney(browser);
		Page back = sso.custom(sso.testIdp(sso.identify(email, "")), email, "{\"team\": \"" + email + "\"}", "");
		assertThat(browser.get(back.location()).location()).endsWith("/account");
		return browser;
	}

	@Test
	void adminPagesWhenTheAdminFlagIsRemovedThenTheOtherSessionIsForbiddenOnItsNextRequest() {
		String email = "demoted." + UUID.randomUUID().toString().substring(0, 8) + "@acme.test";
		RuleView rule = ruleFor(email, 6, "{\"is_admin\": true}");
		TestBrowser wasAdmin = signIn(email);
		assertThat(wasAdmin.get("/admin/users").status()).isEqualTo(200);
		assertThat(wasAdmin.get("/actuator/metrics", "application/json").status()).isEqualTo(200);

		update(rule, "{\"is_admin\": false}");
		signIn(email);

		assertThat(accounts.findForLogin(email, true, false).orElseThrow().admin()).isFalse();
		assertThat(wasAdmin.get("/admin/users").status()).isEqualTo(403);
		assertThat(wasAdmin.get("/actuator/metrics", "application/json").status()).isEqualTo(403);
		assertThat(wasAdmin.get("/account").status()).as("still signed in, as a person").isEqualTo(200);
	}

	@Test
	void adminPagesWhenAPersonIsPromotedThenTheirOpenSessionGetsThemWithoutSigningInAgain() {
		String email = "promoted." + UUID.randomUUID().toString().substring(0, 8) + "@acme.test";
		RuleView rule = ruleFor(email, 7, "{\"is_admin\": false, \"groups\": [\"Staff\"]}");
		TestBrowser session = signIn(email);
		assertThat(session.get("/admin/users").status()).isEqualTo(403);

		update(rule, "{\"is_admin\": true, \"groups\": [\"Staff\", \"Operators\"]}");
		signIn(email);

		assertThat(session.get("/admin/users").status()).isEqualTo(200);
		assertThat(session.get("/account").body()).contains("Operators");
	}

}
