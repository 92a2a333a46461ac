package io.gatehouse.admin;

import java.util.Map;

import io.gatehouse.account.Accounts;
import io.gatehouse.account.OrganizationRef;
import io.gatehouse.account.Passwords;
import io.gatehouse.audit.AuditLog;
import io.gatehouse.support.GatehouseIntegrationTest;
import io.gatehouse.support.IdpDashboard;
import io.gatehouse.support.SignedInAs;
import io.gatehouse.support.TestBrowser;
import io.gatehouse.support.TestBrowser.Page;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Organisations in the admin console: whether each allows IdP-initiated sign-in is an administrator's choice (in
 * connected mode too, where nothing sets it at import), changed with a POST, and audited.
 */
@GatehouseIntegrationTest
class OrganizationAdminIntegrationTests {

	static final String ADMIN = "root@organisation-tests.example";

	static final String ADMIN_PASSWORD = "organisation-tests-password";

	@LocalServerPort
	int port;

	@Autowired
	Accounts accounts;

	@Autowired
	Passwords passwords;

	@Autowired
	AuditLog audit;

	TestBrowser admin;

	OrganizationRef globex;

	@BeforeEach
	void signInAsAdmin() {
		if (accounts.findForLogin(ADMIN, true, false).isEmpty()) {
			accounts.createAdmin(ADMIN, passwords.hash(ADMIN_PASSWORD));
		}
		admin = SignedInAs.password(port, ADMIN, ADMIN_PASSWORD);
		globex = accounts.organizations().stream().filter(o -> o.name().startsWith("Globex")).findFirst().orElseThrow();
		assertThat(globex.idpInitiatedAllowed()).as("Globex does not allow it in the demo data").isFalse();
	}

	@AfterEach
	void restoreGlobex() {
		accounts.allowIdpInitiated(globex.workosId(), false);
	}

	String toggleAction(OrganizationRef organization) {
		return "/admin/organizations/" + organization.id() + "/idp-initiated";
	}

	@Test
	void organizationsWhenAdminAllowsIdpInitiatedSignInThenTheIdpDashboardSignsInAndItIsAudited() {
		Page list = admin.get("/admin/organizations");
		assertThat(list.status()).isEqualTo(200);
		assertThat(list.find("data-organization=\"" + globex.workosId() + "\" data-idp-initiated=\"([a-z]+)\""))
			.contains("false");
		assertThat(list.find("data-organization=\"[^\"]+\" data-idp-initiated=\"(true)\"")).as("Acme allows it").isPresent();

		Page saved = admin.submit(list, toggleAction(globex), Map.of("allowed", "true"));

		assertThat(saved.status()).isEqualTo(302);
		Page after = admin.get(saved.location());
		assertThat(after.find("id=\"flash\"[^>]*>([^<]+)")).get().asString().contains("Globex");
		assertThat(after.find("data-organization=\"" + globex.workosId() + "\" data-idp-initiated=\"([a-z]+)\""))
			.contains("true");
		assertThat(audit.latest(5)).anySatisfy(entry -> {
			assertThat(entry.type()).isEqualTo("organization.idp_initiated_changed");
			assertThat(entry.subject()).isEqualTo(ADMIN);
			assertThat(entry.detail()).contains("organization=" + globex.workosId()).contains("allowed=true")
				.contains("actor=" + ADMIN);
		});
		TestBrowser homer = new TestBrowser(port);
		Page callback = homer.get(new IdpDashboard(port).open(homer, "homer.simpson@globex.test").location());
		assertThat(callback.location()).endsWith("/account");

		admin.submit(after, toggleAction(globex), Map.of("allowed", "false"));
		TestBrowser lenny = new TestBrowser(port);
		Page refused = lenny.get(new IdpDashboard(port).open(lenny, "lenny.leonard@globex.test").location());
		assertThat(refused.find("id=\"failure-code\">([^<]+)")).contains("idp_initiated_not_allowed");
	}

	@Test
	void organizationsWhenNotAdminThenForbidden() {
		TestBrowser user = SignedInAs.password(port, "demo.user@example.test", "gatehouse-demo-password");
		Page someone = user.get("/account");

		assertThat(user.get("/admin/organizations").status()).isEqualTo(403);
		assertThat(user.submit(someone, toggleAction(globex), Map.of("allowed", "true")).status()).isEqualTo(403);
		assertThat(accounts.organization(globex.workosId()).orElseThrow().idpInitiatedAllowed()).isFalse();
	}

	@Test
	void organizationsToggleWhenPostedWithoutCsrfTokenThenRefused() {
		Page forged = admin.post(toggleAction(globex), Map.of("allowed", "true"));

		assertThat(forged.status()).isEqualTo(403);
		assertThat(accounts.organization(globex.workosId()).orElseThrow().idpInitiatedAllowed()).isFalse();
	}

	@Test
	void organizationsToggleWhenOrganisationIsUnknownOrValueIsNotABooleanThenAFriendlyAnswer() {
		Page list = admin.get("/admin/organizations");

		assertThat(admin.submit(list, "/admin/organizations/999999/idp-initiated", Map.of("allowed", "true")).status())
			.isEqualTo(404);
		assertThat(admin.submit(list, toggleAction(globex), Map.of("allowed", "maybe")).status()).isEqualTo(400);
		assertThat(accounts.organization(globex.workosId()).orElseThrow().idpInitiatedAllowed()).isFalse();
	}

}
