package io.gatehouse.admin;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.gatehouse.account.Accounts;
import io.gatehouse.account.Passwords;
import io.gatehouse.audit.AuditLog;
import io.gatehouse.settings.GatehouseSettings;
import io.gatehouse.support.GatehouseIntegrationTest;
import io.gatehouse.support.SignedInAs;
import io.gatehouse.support.SignedWebhooks;
import io.gatehouse.support.SsoJourney;
import io.gatehouse.support.TestBrowser;
import io.gatehouse.support.TestBrowser.Page;
import io.gatehouse.workos.DirectoryInfo;
import io.gatehouse.workos.WorkOs;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import static io.gatehouse.support.SignedWebhooks.event;
import static io.gatehouse.support.SignedWebhooks.user;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Administrators deactivating and reactivating accounts from the users list, over HTTP and the real security chain;
 * and the directory never undoing an administrator's deactivation. Shares the webhook tests' context.
 */
@GatehouseIntegrationTest
@TestPropertySource(properties = "spring.application.name=gatehouse-webhook-tests")
class AccountActivationIntegrationTests {

	static final String ADMIN = "root@activation-tests.example";

	static final String PASSWORD = "activation-tests-password";

	@LocalServerPort
	int port;

	@Autowired
	Accounts accounts;

	@Autowired
	Passwords passwords;

	@Autowired
	AuditLog audit;

	@Autowired
	WorkOs workos;

	@Autowired
	GatehouseSettings settings;

	TestBrowser admin;

	@BeforeEach
	void signInAsAdmin() {
		if (accounts.findForLogin(ADMIN, true, false).isEmpty()) {
			accounts.createAdmin(ADMIN, passwords.hash(PASSWORD));
		}
		admin = SignedInAs.password(port, ADMIN, PASSWORD);
	}

	long newUser(String email) {
		return accounts.createLocalUser(email, "Act", "Ivation", passwords.hash(PASSWORD), List.of());
	}

	Page tryPassword(String email) {
		TestBrowser browser = new TestBrowser(port);
		Page toPassword = new SsoJourney(browser).identify(email, "");
		return browser.submit(browser.get(toPassword.location()), "/accounts/login/password", Map.of("password", PASSWORD));
	}

	String flash(Page redirect) {
		return admin.get(redirect.location()).find("id=\"flash\">([^<]+)<").orElseThrow();
	}

	@Test
	void deactivateWhenConfirmedThenEverySessionEndsSignInIsRefusedAndItIsAudited() {
		String email = "leaving@activation-tests.example";
		long userId = newUser(email);
		TestBrowser laptop = SignedInAs.password(port, email, PASSWORD);
		TestBrowser phone = SignedInAs.password(port, email, PASSWORD);

		Page list = admin.get("/admin/users?q=" + email);
		String confirmLink = list.find("class=\"d-block small deactivate\"\\s+href=\"([^\"]+)\"").orElseThrow();
		assertThat(confirmLink).isEqualTo("/admin/users/" + userId + "/deactivate");
		Page confirm = admin.get(confirmLink);
		assertThat(confirm.status()).isEqualTo(200);
		assertThat(confirm.find("id=\"session-count\">(\\d+)<")).contains("2");
		assertThat(laptop.get("/account").status()).as("nothing happens before the confirmation").isEqualTo(200);

		Page done = admin.submit(confirm, confirmLink, Map.of());

		assertThat(flash(done)).contains("deactivated and all of its sessions have ended");
		assertThat(laptop.get("/account").status()).isEqualTo(302);
		assertThat(phone.get("/account").status()).isEqualTo(302);
		assertThat(tryPassword(email).body()).as("the right password no longer signs in")
			.contains("Incorrect username or password.");
		assertThat(accounts.facts(userId).orElseThrow().active()).isFalse();
		assertThat(admin.get("/admin/users?q=" + email).body()).contains("class=\"account-status\">inactive<")
			.contains("/admin/users/" + userId + "/reactivate");
		assertThat(audit.latest(20)).anySatisfy(entry -> {
			assertThat(entry.type()).isEqualTo("user.deactivated");
			assertThat(entry.userId()).isEqualTo(userId);
			assertThat(entry.subject()).isEqualTo(ADMIN);
			assertThat(entry.detail()).isEqualTo("actor=" + ADMIN + " user=" + email + " sessions_ended=2");
		});
	}

	@Test
	void reactivateWhenPostedThenThePersonCanSignInAgainAndItIsAudited() {
		String email = "back.again@activation-tests.example";
		long userId = newUser(email);
		Page confirm = admin.get("/admin/users/" + userId + "/deactivate");
		assertThat(flash(admin.submit(confirm, "/admin/users/" + userId + "/deactivate", Map.of()))).contains("deactivated");
		assertThat(tryPassword(email).body()).contains("Incorrect username or password.");
		Page list = admin.get("/admin/users?q=" + email);

		Page done = admin.submit(list, "/admin/users/" + userId + "/reactivate", Map.of());

		assertThat(flash(done)).contains("reactivated");
		assertThat(tryPassword(email).location()).endsWith("/account");
		assertThat(audit.latest(20)).anySatisfy(entry -> {
			assertThat(entry.type()).isEqualTo("user.reactivated");
			assertThat(entry.userId()).isEqualTo(userId);
			assertThat(entry.subject()).isEqualTo(ADMIN);
			assertThat(entry.detail()).isEqualTo("actor=" + ADMIN + " user=" + email);
		});
	}

	@Test
	void deactivateWhenItIsTheAdministratorsOwnAccountThenRefusedAndTheirSessionStays() {
		long adminId = accounts.findForLogin(ADMIN, true, false).orElseThrow().userId();

		Page list = admin.get("/admin/users?q=" + ADMIN);
		assertThat(list.body()).doesNotContain("/admin/users/" + adminId + "/deactivate");
		Page confirm = admin.get("/admin/users/" + adminId + "/deactivate");
		assertThat(confirm.body()).contains("id=\"own-account\"").doesNotContain("id=\"confirm-deactivate\"");
		Page forced = admin.submit(list, "/admin/users/" + adminId + "/deactivate", Map.of());

		assertThat(flash(forced)).contains("You cannot deactivate your own account");
		assertThat(accounts.facts(adminId).orElseThrow().active()).isTrue();
		assertThat(admin.get("/admin/users").status()).isEqualTo(200);
		assertThat(audit.latest(20)).noneMatch(e -> "user.deactivated".equals(e.type()) && Long.valueOf(adminId).equals(e.userId()));
	}

	@Test
	void deactivateWhenNotAnAdministratorOrWithoutCsrfThenRefusedAndNothingChanges() {
		String email = "target@activation-tests.example";
		long userId = newUser(email);
		String otherEmail = "not.admin@activation-tests.example";
		newUser(otherEmail);
		TestBrowser someone = SignedInAs.password(port, otherEmail, PASSWORD);

		assertThat(someone.get("/admin/users/" + userId + "/deactivate").status()).isEqualTo(403);
		assertThat(someone.submit(someone.get("/account"), "/admin/users/" + userId + "/deactivate", Map.of()).status())
			.isEqualTo(403);
		assertThat(admin.post("/admin/users/" + userId + "/deactivate", Map.of()).status()).as("no CSRF token")
			.isEqualTo(403);

		assertThat(accounts.facts(userId).orElseThrow().active()).isTrue();
	}

	@Test
	void signOutEverywherePageWhenThePersonHasSessionsThenLinksToDeactivation() {
		String email = "linked@activation-tests.example";
		long userId = newUser(email);
		SignedInAs.password(port, email, PASSWORD);

		Page confirm = admin.get("/admin/users/" + userId + "/sign-out");

		assertThat(confirm.find("id=\"deactivate-link\" href=\"([^\"]+)\"")).contains("/admin/users/" + userId + "/deactivate");
	}

	@Test
	void directoryActiveEventWhenAnAdministratorDeactivatedTheAccountThenItStaysDeactivated() {
		DirectoryInfo acme = workos.directories().stream().filter(d -> d.name().startsWith("Acme")).findFirst().orElseThrow();
		String email = "john.neumann@acme.test";
		TestBrowser person = new TestBrowser(port);
		new SsoJourney(person).signIn(email, "");
		long userId = accounts.findForLogin(email, true, false).orElseThrow().userId();
		Instant at = Instant.now();
		assertThat(send(event("dsync.user.updated",
				user("directory_user_john", acme.id(), acme.organizationId(), email, "John", "Neumann", "active", at), at)))
			.isEqualTo(200);

		admin.submit(admin.get("/admin/users/" + userId + "/deactivate"), "/admin/users/" + userId + "/deactivate", Map.of());
		Instant later = at.plusSeconds(1);
		send(event("dsync.user.updated", user("directory_user_john", acme.id(), acme.organizationId(), email, "John",
				"Neumann", "suspended", later), later));
		Instant latest = later.plusSeconds(1);
		assertThat(send(event("dsync.user.updated", user("directory_user_john", acme.id(), acme.organizationId(), email,
				"John", "Neumann", "active", latest), latest))).isEqualTo(200);

		assertThat(accounts.facts(userId).orElseThrow().active()).as("the directory did not undo the administrator")
			.isFalse();
		TestBrowser again = new TestBrowser(port);
		new SsoJourney(again).signIn(email, "");
		assertThat(again.get("/account").status()).isEqualTo(302);
		assertThat(audit.latest(30)).noneMatch(e -> "user.reactivated".equals(e.type()) && Long.valueOf(userId).equals(e.userId()));
	}

	@Test
	void directoryActiveEventWhenAnAdministratorKeptADirectoryDeactivationThenItStaysDeactivated() {
		DirectoryInfo acme = workos.directories().stream().filter(d -> d.name().startsWith("Acme")).findFirst().orElseThrow();
		String email = "claude.shannon@acme.test";
		new SsoJourney(new TestBrowser(port)).signIn(email, "");
		long userId = accounts.findForLogin(email, true, false).orElseThrow().userId();
		Instant at = Instant.now();
		send(event("dsync.user.updated",
				user("directory_user_claude", acme.id(), acme.organizationId(), email, "Claude", "Shannon", "suspended", at), at));
		assertThat(accounts.facts(userId).orElseThrow().active()).isFalse();
		Page confirm = admin.get("/admin/users/" + userId + "/deactivate");
		assertThat(confirm.body()).contains("id=\"by-directory\"");

		admin.submit(confirm, "/admin/users/" + userId + "/deactivate", Map.of());
		Instant later = at.plusSeconds(1);
		send(event("dsync.user.updated",
				user("directory_user_claude", acme.id(), acme.organizationId(), email, "Claude", "Shannon", "active", later),
				later));

		assertThat(accounts.facts(userId).orElseThrow().active()).isFalse();
	}

	private int send(String body) {
		return new SignedWebhooks(port, settings.local().emulatorWebhookSecret()).send(body);
	}

}
