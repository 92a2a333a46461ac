package io.gatehouse.sso;

import io.gatehouse.account.AccountOverview;
import io.gatehouse.account.Accounts;
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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** Saved attributes that link organisations: {@code ~organization} finds or creates, {@code !organization} requires. */
@GatehouseIntegrationTest
@TestPropertySource(properties = "spring.application.name=gatehouse-jit-tests")
class JitAttributeMappingIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	LoginRules rules;

	@Autowired
	Accounts accounts;

	@Autowired
	JdbcClient jdbc;

	@Test
	void requiredOrganisationMissingAbortsJitWithAFriendlyPageAndNoUser() {
		RuleView globex = rules.list().stream().filter(r -> r.name().equals("Globex via Entra ID")).findFirst().orElseThrow();
		save(globex, "{\"!organization\": {\"name\": \"{{profile.raw_attributes.company}}\"}}");

		Page page = signInCustom("new.hire@globex.test", "{\"company\": \"Initech\"}");

		assertThat(page.status()).isEqualTo(403);
		assertThat(page.find("id=\"failure-code\">([^<]+)")).contains("organization_required");
		assertThat(jdbc.sql("select count(*) from users where email_normalized = 'new.hire@globex.test'")
			.query(Long.class)
			.single()).isZero();
		assertThat(jdbc.sql("select count(*) from identity_links where email = 'new.hire@globex.test'")
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void organisationLookupCreatesItWhenAbsentAndLinksTheAccount() {
		RuleView globex = rules.list().stream().filter(r -> r.name().equals("Globex via Entra ID")).findFirst().orElseThrow();
		save(globex, "{\"~organization\": {\"name\": \"{{profile.raw_attributes.company}}\"}, \"groups\": \"##profile.raw_attributes.teams\"}");

		Page callback = signInCustom("other.hire@globex.test", "{\"company\": \"Globex Labs\", \"teams\": [\"Lab\", \"R&D\"]}");

		assertThat(callback.status()).isEqualTo(302);
		long id = jdbc.sql("select id from users where email_normalized = 'other.hire@globex.test'").query(Long.class).single();
		AccountOverview overview = accounts.overview(id).orElseThrow();
		assertThat(overview.organizationName()).isEqualTo("Globex Labs");
		assertThat(overview.groups()).containsExactly("Lab", "R&D");
	}

	@Test
	void ruleSaveWhenIsAdminOrIsActiveIsATemplateThenFieldErrorAndNothingStored() {
		RuleView globex = rules.list().stream().filter(r -> r.name().equals("Globex via Entra ID")).findFirst().orElseThrow();

		for (String hostile : new String[] { "{\"is_admin\": \"{{profile.raw_attributes.is_admin}}\"}",
				"{\"is_admin\": \"##profile.raw_attributes.is_admin\"}", "{\"is_active\": \"{{profile.raw_attributes.active}}\"}",
				"{\"is_admin\": \"yes {{profile.first_name}}\"}" }) {
			LoginRules.SaveResult result = rules.save(globex.id(), draft(globex, hostile), "test");
			assertThat(result.saved()).as(hostile).isFalse();
			assertThat(result.errors().get("savedAttributes")).as(hostile).contains("must be true or false");
		}
		assertThat(rules.get(globex.id()).orElseThrow().savedAttributes()).isEqualTo(globex.savedAttributes());
		assertThat(rules.validate(draft(globex, "{\"is_admin\": false, \"is_active\": true}"))).isEmpty();
	}

	@Test
	void jitSignInWhenAStoredRuleTakesIsAdminFromAClaimThenTheHostileClaimNeverMakesAnAdmin() {
		RuleView globex = rules.list().stream().filter(r -> r.name().equals("Globex via Entra ID")).findFirst().orElseThrow();
		save(globex, "{\"first_name\": \"{{profile.first_name}}\"}");
		// A rule stored before templates were refused here (or written behind the editor's back).
		jdbc.sql("update login_rules set saved_attributes = ? where id = ?")
			.params("{\"is_admin\": \"{{profile.raw_attributes.is_admin}}\", \"is_active\": \"##profile.raw_attributes.active\"}",
					globex.id())
			.update();
		rules.enable(globex.id(), true, "test");

		TestBrowser browser = new TestBrowser(port);
		SsoJourney sso = new SsoJourney(browser);
		Page back = sso.custom(sso.testIdp(sso.identify("mallory@globex.test", "")), "mallory@globex.test",
				"{\"is_admin\": \"true\", \"active\": true}", "");
		Page callback = browser.get(back.location());

		assertThat(callback.status()).as(callback.body()).isEqualTo(302);
		assertThat(jdbc.sql("select admin from users where email_normalized = 'mallory@globex.test'")
			.query(Boolean.class)
			.single()).isFalse();
		assertThat(browser.get("/account").status()).as("signed in").isEqualTo(200);
		assertThat(browser.get("/admin/rules").status()).as("but no admin").isEqualTo(403);
	}

	private RuleDraft draft(RuleView rule, String savedAttributes) {
		return RuleDraft.of(rule.name(), LoginMethod.SSO, rule.priority(), true, rule.emailPattern(), null,
				rule.connectionId(), null, JitMode.MATCHING_PATTERN, null, savedAttributes, false, null, false);
	}

	private void save(RuleView rule, String savedAttributes) {
		LoginRules.SaveResult result = rules.save(rule.id(), RuleDraft.of(rule.name(), LoginMethod.SSO, rule.priority(), true,
				rule.emailPattern(), null, rule.connectionId(), null, JitMode.MATCHING_PATTERN, null, savedAttributes, false,
				null, false), "test");
		assertThat(result.errors()).isEmpty();
	}

	private Page signInCustom(String email, String raw) {
		TestBrowser browser = new TestBrowser(port);
		SsoJourney sso = new SsoJourney(browser);
		Page back = sso.custom(sso.testIdp(sso.identify(email, "")), email, raw, "");
		return browser.get(back.location());
	}

}
