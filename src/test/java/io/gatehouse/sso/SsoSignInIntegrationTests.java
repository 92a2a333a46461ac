package io.gatehouse.sso;

import java.util.List;
import java.util.Map;

import io.gatehouse.audit.AuditEntry;
import io.gatehouse.audit.AuditLog;
import io.gatehouse.support.GatehouseIntegrationTest;
import io.gatehouse.support.QueryParams;
import io.gatehouse.support.SsoJourney;
import io.gatehouse.support.TestBrowser;
import io.gatehouse.support.TestBrowser.Page;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** SP-initiated SSO end to end: login page → WorkOS (emulator) test IdP → callback → account page. */
@GatehouseIntegrationTest
class SsoSignInIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	AuditLog audit;

	@Autowired
	JdbcClient jdbc;

	TestBrowser browser;

	SsoJourney sso;

	@BeforeEach
	void newBrowser() {
		browser = new TestBrowser(port);
		sso = new SsoJourney(browser);
	}

	@Test
	void loginWhenEmailIsAtAnOrganisationDomainThenRedirectsToWorkOsWithStateAndPkce() {
		Page answer = sso.identify("Ada.Lovelace@ACME.test", "");

		assertThat(answer.status()).isEqualTo(302);
		assertThat(answer.location()).startsWith("http://127.0.0.1:" + port + "/emulator/sso/authorize?");
		QueryParams query = QueryParams.of(answer.location());
		assertThat(query.get("organization")).get().asString().startsWith("org_");
		assertThat(query.get("redirect_uri")).contains("http://localhost:" + port + "/accounts/callback/sso");
		assertThat(query.get("state")).get().asString().hasSizeGreaterThanOrEqualTo(43).doesNotContain("ada");
		assertThat(query.get("code_challenge_method")).contains("S256");
		assertThat(query.get("login_hint")).contains("Ada.Lovelace@ACME.test");
	}

	@Test
	void signInWhenPersonIsChosenAtTheTestIdpThenAccountPageShowsTheirProfile() {
		Page idp = sso.testIdp(sso.identify("grace.hopper@acme.test", ""));
		assertThat(idp.body()).contains("Sign in to Acme").contains("Okta SAML").contains("emulated");
		String sessionBefore = browser.sessionCookie().orElseThrow();

		Page callback = browser.get(sso.choose(idp, "grace.hopper@acme.test").location());

		assertThat(callback.status()).isEqualTo(302);
		assertThat(callback.location()).isEqualTo("http://localhost:" + port + "/account");
		assertThat(browser.sessionCookie()).get().isNotEqualTo(sessionBefore);
		Page account = browser.get(callback.location());
		assertThat(account.status()).isEqualTo(200);
		assertThat(account.find("id=\"profile-name\">([^<]+)")).contains("Grace Hopper");
		assertThat(account.find("id=\"profile-email\">([^<]+)")).contains("grace.hopper@acme.test");
		assertThat(account.find("id=\"profile-organization\">([^<]+)")).contains("Acme");
		assertThat(account.body()).contains("OktaSAML").contains("Engineering Manager").contains("employeeNumber");
		assertThat(types(audit.latest(20), "grace.hopper@acme.test")).contains("login.succeeded", "user.provisioned");
		assertThat(audit.latest(20)).filteredOn(e -> e.type().equals("login.succeeded")
				&& "grace.hopper@acme.test".equals(e.subject())).singleElement().satisfies(e -> {
					assertThat(e.detail()).startsWith("method=sso rule=\"Acme people via Okta\" via=conn_");
					assertThat(e.ip()).isNotBlank();
					assertThat(e.userAgent()).isNotBlank();
				});
	}

	@Test
	void signInWhenSamePersonReturnsThenTheSameAccountIsUsed() {
		assertThat(sso.signIn("edsger.dijkstra@acme.test", "").isRedirect()).isTrue();
		browser.forgetCookies();
		assertThat(sso.signIn("edsger.dijkstra@acme.test", "").isRedirect()).isTrue();

		List<String> types = types(audit.latest(50), "edsger.dijkstra@acme.test");
		assertThat(types).filteredOn("user.provisioned"::equals).hasSize(1);
		assertThat(types).filteredOn("login.succeeded"::equals).hasSize(2);
		assertThat(jdbc.sql("select count(*) from users where email_normalized = 'edsger.dijkstra@acme.test'")
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void signInWhenNextIsARelativePathThenLandsThere() {
		Page callback = sso.signIn("barbara.liskov@acme.test", "/account?tab=identities");

		assertThat(callback.location()).isEqualTo("http://localhost:" + port + "/account?tab=identities");
	}

	@Test
	void signInWhenNextPointsToAnotherSiteThenLandsOnTheAccountPage() {
		for (String next : List.of("https://evil.example/steal", "//evil.example", "/\\evil.example", "javascript:alert(1)")) {
			browser.forgetCookies();
			Page callback = sso.signIn("donald.knuth@acme.test", next);
			assertThat(callback.location()).as(next).isEqualTo("http://localhost:" + port + "/account");
		}
	}

	@Test
	void accountWhenNotSignedInThenRedirectsToLoginWithNext() {
		Page answer = browser.get("/account");

		assertThat(answer.status()).isEqualTo(302);
		assertThat(answer.location()).isEqualTo("http://localhost:" + port + "/accounts/login?next=%2Faccount");
	}

	@Test
	void loginWhenNobodyHasTheAddressThenAsksForAPasswordLikeForAnyPasswordUser() {
		Page unknown = sso.identify("someone@unknown.example", "");
		Page known = new SsoJourney(new TestBrowser(port)).identify("demo.user@example.test", "");

		assertThat(unknown.status()).isEqualTo(302);
		assertThat(unknown.location()).endsWith("/accounts/login/password");
		assertThat(known.location()).isEqualTo(unknown.location());
		assertThat(browser.get(unknown.location()).body()).contains("Enter your password").contains("someone@unknown.example");
	}

	@Test
	void loginWhenEmailIsBlankThenAsksForIt() {
		Page answer = sso.identify("   ", "");

		assertThat(answer.status()).isEqualTo(200);
		assertThat(answer.body()).contains("Enter your email address.");
	}

	@Test
	void loginWhenStartIsRequestedWithAUsernameThenGoesStraightToTheIdp() {
		Page answer = browser.get("/accounts/login?username=ada.lovelace%40acme.test&start=true");

		assertThat(answer.status()).isEqualTo(302);
		assertThat(answer.location()).contains("/emulator/sso/authorize?");
	}

	@Test
	void loginPageWhenUsernameIsGivenThenPrefillsItEscaped() {
		Page page = browser.get("/accounts/login?username=%22%3E%3Cscript%3Ealert(1)%3C/script%3E");

		assertThat(page.body()).doesNotContain("<script>alert(1)").contains("&quot;&gt;&lt;script&gt;");
	}

	@Test
	void loginPageInLocalModeListsTheDemoOrganisations() {
		Page page = browser.get("/accounts/login");

		assertThat(page.body()).contains("Local mode").contains("@acme.test").contains("@globex.test");
		assertThat(page.header("Content-Security-Policy")).get().asString().contains("script-src 'self'");
		assertThat(page.header("X-Frame-Options")).contains("DENY");
	}

	@Test
	void logoutWhenRequestedWithGetThenOnlyAsksForConfirmation() {
		sso.signIn("ken.thompson@acme.test", "");

		Page confirm = browser.get("/accounts/logout");
		assertThat(confirm.status()).isEqualTo(200);
		assertThat(confirm.body()).contains("Sign out?");
		assertThat(browser.get("/account").status()).isEqualTo(200);

		Page out = browser.submit(confirm, "/accounts/logout", Map.of());
		assertThat(out.location()).endsWith("/accounts/login?signedOut");
		assertThat(browser.get("/account").status()).isEqualTo(302);
	}

	@Test
	void logoutWhenPostedWithoutCsrfTokenThenRefused() {
		sso.signIn("hedy.lamarr@acme.test", "");

		Page answer = browser.post("/accounts/logout", Map.of());

		assertThat(answer.status()).isEqualTo(403);
		assertThat(browser.get("/account").status()).isEqualTo(200);
	}

	private static List<String> types(List<AuditEntry> entries, String subject) {
		return entries.stream().filter(e -> subject.equals(e.subject())).map(AuditEntry::type).toList();
	}

}
