package io.gatehouse.admin;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.gatehouse.account.Accounts;
import io.gatehouse.account.Passwords;
import io.gatehouse.audit.AuditEntry;
import io.gatehouse.audit.AuditLog;
import io.gatehouse.rules.LoginRules;
import io.gatehouse.rules.RuleView;
import io.gatehouse.support.GatehouseIntegrationTest;
import io.gatehouse.support.SignedInAs;
import io.gatehouse.support.TestBrowser;
import io.gatehouse.support.TestBrowser.Page;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** The rules editor as an administrator uses it, through HTTP and the real security chain. */
@GatehouseIntegrationTest
@TestPropertySource(properties = "spring.application.name=gatehouse-admin-tests")
class RuleAdminIntegrationTests {

	static final String ADMIN = "root@admin-tests.example";

	static final String ADMIN_PASSWORD = "admin-tests-password";

	@LocalServerPort
	int port;

	@Autowired
	Accounts accounts;

	@Autowired
	Passwords passwords;

	@Autowired
	LoginRules rules;

	@Autowired
	AuditLog audit;

	TestBrowser admin;

	@BeforeEach
	void signInAsAdmin() {
		if (accounts.findForLogin(ADMIN, true, false).isEmpty()) {
			accounts.createAdmin(ADMIN, passwords.hash(ADMIN_PASSWORD));
		}
		admin = SignedInAs.password(port, ADMIN, ADMIN_PASSWORD);
	}

	Map<String, String> ruleFields(String name, String method, String priority, String pattern) {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("name", name);
		fields.put("method", method);
		fields.put("priority", priority);
		fields.put("enabled", "true");
		fields.put("emailPattern", pattern);
		fields.put("lookupAttributes", "");
		fields.put("organizationId", "");
		fields.put("connectionId", "");
		fields.put("jitMode", "OFF");
		fields.put("jitGroups", "");
		fields.put("savedAttributes", "");
		fields.put("totpIssuer", "");
		return fields;
	}

	@Test
	void rulesPageWhenNotAdminThenForbidden() {
		TestBrowser user = SignedInAs.password(port, "demo.user@example.test", "gatehouse-demo-password");

		assertThat(user.get("/admin/rules").status()).isEqualTo(403);
		assertThat(new TestBrowser(port).get("/admin/rules").location()).endsWith("/accounts/login?next=%2Fadmin%2Frules");
	}

	@Test
	void adminLoginNeverTakesCredentials() {
		TestBrowser stranger = new TestBrowser(port);
		Page get = stranger.get("/admin/login");
		Page post = stranger.post("/admin/login", Map.of("username", ADMIN, "password", ADMIN_PASSWORD));

		assertThat(get.location()).endsWith("/accounts/login?next=/admin/");
		assertThat(post.status()).isIn(302, 403);
		assertThat(stranger.get("/admin/rules").status()).isEqualTo(302);
	}

	@Test
	void listShowsTheRulesInPriorityOrderWithMethodAndWhomTheyApplyTo() {
		Page list = admin.get("/admin/rules");

		assertThat(list.status()).isEqualTo(200);
		assertThat(list.body()).contains("Acme people via Okta").contains("Enterprise SSO (WorkOS)")
			.contains("emails matching @acme\\.test$");
		assertThat(list.body().indexOf("Administrators")).isLessThan(list.body().indexOf("Everyone else: password"));
	}

	@Test
	void saveWhenFieldsAreInvalidThenShowsEachErrorAndSavesNothing() {
		int before = rules.list().size();
		Page form = admin.get("/admin/rules/new");
		Map<String, String> fields = ruleFields("Broken", "SSO", "abc", "([a-z");
		fields.put("lookupAttributes", "{\"shoe_size\": 42}");

		Page again = admin.submit(form, "/admin/rules", fields);

		assertThat(again.status()).isEqualTo(200);
		assertThat(again.body()).contains("Please correct the fields marked below")
			.contains("Enter a whole number.")
			.contains("This is not a valid regular expression")
			.contains("Unknown lookup key &quot;shoe_size&quot;");
		assertThat(rules.list()).hasSize(before);
	}

	@Test
	void saveWhenSsoRuleHasNeitherConnectionNorOrganisationThenSaysSo() {
		Page form = admin.get("/admin/rules/new");

		Page again = admin.submit(form, "/admin/rules", ruleFields("SSO nowhere", "SSO", "777", "@nowhere\\.test$"));

		assertThat(again.body()).contains("An SSO rule needs exactly one of a WorkOS connection or organisation.");
	}

	@Test
	void createEditDisableAndDeleteARuleWithConfirmation() {
		Page form = admin.get("/admin/rules/new");
		Page created = admin.submit(form, "/admin/rules",
				ruleFields("Partners by password", "PASSWORD", "500", "@partners\\.example$"));
		assertThat(created.location()).endsWith("/admin/rules");
		assertThat(admin.get(created.location()).body()).contains("Rule created.").contains("Partners by password");
		RuleView rule = rules.list().stream().filter(r -> r.name().equals("Partners by password")).findFirst().orElseThrow();

		Page edit = admin.get("/admin/rules/" + rule.id());
		Map<String, String> changed = ruleFields("Partners by password", "PASSWORD", "501", "@partners\\.example$");
		assertThat(admin.submit(edit, "/admin/rules/" + rule.id(), changed).location()).endsWith("/admin/rules");
		assertThat(rules.get(rule.id()).orElseThrow().priority()).isEqualTo(501);

		Page list = admin.get("/admin/rules");
		admin.submit(list, "/admin/rules/" + rule.id() + "/enabled", Map.of("enabled", "false"));
		assertThat(rules.get(rule.id()).orElseThrow().enabled()).isFalse();

		Page confirm = admin.get("/admin/rules/" + rule.id() + "/delete");
		assertThat(confirm.body()).contains("Delete the rule").contains("Partners by password");
		assertThat(rules.get(rule.id())).isPresent();
		admin.submit(confirm, "/admin/rules/" + rule.id() + "/delete", Map.of());
		assertThat(rules.get(rule.id())).isEmpty();

		List<String> changes = audit.latest(30).stream().filter(e -> ADMIN.equals(e.subject())).map(AuditEntry::type).toList();
		assertThat(changes).contains("rule.created", "rule.updated", "rule.disabled", "rule.deleted");
	}

	@Test
	void saveWhenIsAdminComesFromAClaimThenFieldErrorAndNothingSaved() {
		int before = rules.list().size();
		Page form = admin.get("/admin/rules/new");
		Map<String, String> fields = ruleFields("Admins from a claim", "GOOGLE_OAUTH", "778", "@claims\\.test$");
		fields.put("jitMode", "MATCHING_PATTERN");
		fields.put("savedAttributes", "{\"is_admin\": \"{{profile.raw_attributes.is_admin}}\"}");

		Page again = admin.submit(form, "/admin/rules", fields);

		assertThat(again.status()).isEqualTo(200);
		assertThat(again.find("(?s)name=\"savedAttributes\".*?<div class=\"invalid-feedback\">([^<]+)</div>")).get()
			.asString()
			.contains("&quot;is_admin&quot; must be true or false: it cannot come from the identity provider&#39;s claims");
		assertThat(rules.list()).hasSize(before);
	}

	@Test
	void editWhenTheRuleGrantsAdminThenTheEditorWarns() {
		Map<String, String> fields = ruleFields("Admins by Google", "GOOGLE_OAUTH", "779", "@trusted-admins\\.test$");
		fields.put("jitMode", "MATCHING_PATTERN");
		fields.put("savedAttributes", "{\"is_admin\": true}");
		assertThat(admin.submit(admin.get("/admin/rules/new"), "/admin/rules", fields).location()).endsWith("/admin/rules");
		RuleView rule = rules.list().stream().filter(r -> r.name().equals("Admins by Google")).findFirst().orElseThrow();
		try {
			assertThat(admin.get("/admin/rules/" + rule.id()).body()).contains("id=\"grants-admin-warning\"")
				.contains("This rule makes administrators.");
			assertThat(admin.get("/admin/rules").find("(?s)data-rule=\"Admins by Google\".*?(makes admins)</span>"))
				.isPresent();
			assertThat(admin.get("/admin/rules/new").body()).doesNotContain("grants-admin-warning");
			RuleView others = rules.list().stream().filter(r -> r.name().equals("Acme people via Okta")).findFirst().orElseThrow();
			assertThat(admin.get("/admin/rules/" + others.id()).body()).doesNotContain("grants-admin-warning");
		}
		finally {
			rules.delete(rule.id(), "test");
		}
	}

	@Test
	void saveWhenPriorityIsTakenThenNamesTheOtherRule() {
		Page form = admin.get("/admin/rules/new");

		Page again = admin.submit(form, "/admin/rules", ruleFields("Clash", "PASSWORD", "1000", "@clash\\.example$"));

		assertThat(again.body()).contains("&quot;Everyone else: password&quot; already has priority 1000");
	}

	@Test
	void testerExplainsWhichRuleAppliesAndWhy() {
		Page page = admin.get("/admin/rules/test?username=ada.lovelace%40acme.test");

		assertThat(page.body()).contains("Nobody has this username");
		assertThat(page.find("(?s)<tr class=\"table-success\">(.*?)</tr>")).get().asString()
			.contains("Acme people via Okta").contains("applies (chosen)").contains("JIT rule, pattern @acme\\.test$ matches");
		Page known = admin.get("/admin/rules/test?username=demo.user%40example.test");
		assertThat(known.find("(?s)<tr class=\"table-success\">(.*?)</tr>")).get().asString()
			.contains("Everyone else: password").contains("email matches .+");
	}

	@Test
	void ssoRulesWithAnOrganisationOpenTheWorkOsAdminPortal() {
		RuleView acme = rules.list().stream().filter(r -> r.name().equals("Acme people via Okta")).findFirst().orElseThrow();
		Page list = admin.get("/admin/rules");

		Page toPortal = admin.submit(list, "/admin/rules/" + acme.id() + "/portal", Map.of());
		assertThat(toPortal.location()).startsWith("http://127.0.0.1:" + port + "/emulator/portal/");
		Page portal = admin.get(toPortal.location());

		assertThat(portal.status()).isEqualTo(200);
		assertThat(portal.body()).contains("Single Sign-On for Acme").contains("Acme Okta")
			.contains("http://localhost:" + port + "/admin/rules");
		assertThat(admin.get("http://127.0.0.1:" + port + "/emulator/portal/not-a-token").status()).isEqualTo(410);
	}

	@Autowired
	io.gatehouse.mfa.Factors factors;

	@Test
	void adminsSeeAPersonsFactorsAndCanResetThemAfterConfirming() {
		long id = accounts.createLocalUser("lost.phone@admin-tests.example", null, null, passwords.hash("lost-phone-pw"),
				List.of());
		io.gatehouse.workos.TotpEnrolment app = factors.startTotp("Gatehouse", "lost.phone@admin-tests.example");
		assertThat(factors.confirmTotp(id, "lost.phone@admin-tests.example", app.factorId(),
				io.gatehouse.support.TotpCodes.code(app.secret(), 0))).isTrue();

		Page users = admin.get("/admin/users?q=lost.phone");
		assertThat(users.body()).contains("Authenticator app").contains("/admin/users/" + id + "/reset-factors");
		Page confirm = admin.get("/admin/users/" + id + "/reset-factors");
		assertThat(confirm.body()).contains("Reset the second factors of").contains("lost.phone@admin-tests.example");
		assertThat(factors.hasFactor(id)).isTrue();

		Page done = admin.submit(confirm, "/admin/users/" + id + "/reset-factors", Map.of());

		assertThat(admin.get(done.location()).body()).contains("Second factors reset.");
		assertThat(factors.hasFactor(id)).isFalse();
		assertThat(audit.latest(5)).anySatisfy(e -> {
			assertThat(e.type()).isEqualTo("factor.reset");
			assertThat(e.subject()).isEqualTo(ADMIN);
			assertThat(e.detail()).contains("lost.phone@admin-tests.example");
		});
	}

	@Test
	void usersListShowsEffectiveRulesAndSearches() {
		Page page = admin.get("/admin/users?q=demo.user");

		assertThat(page.find("(?s)(<table[^>]*id=\"users\".*?</table>)")).get().asString()
			.contains("demo.user@example.test")
			.contains("Everyone else: password (Password)")
			.doesNotContain(ADMIN);
	}

}
