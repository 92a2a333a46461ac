package io.gatehouse.sso;

import io.gatehouse.account.AccountOverview;
import io.gatehouse.account.Accounts;
import io.gatehouse.rules.JitMode;
import io.gatehouse.rules.LoginMethod;
import io.gatehouse.rules.LoginRules;
import io.gatehouse.rules.RuleView;
import io.gatehouse.rules.RuleDraft;
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
