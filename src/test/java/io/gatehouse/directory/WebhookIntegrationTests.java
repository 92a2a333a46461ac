package io.gatehouse.directory;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.gatehouse.account.Accounts;
import io.gatehouse.account.Passwords;
import io.gatehouse.settings.GatehouseSettings;
import io.gatehouse.support.GatehouseIntegrationTest;
import io.gatehouse.support.SignedInAs;
import io.gatehouse.support.SignedWebhooks;
import io.gatehouse.support.SimultaneousEvents;
import io.gatehouse.support.SsoJourney;
import io.gatehouse.support.TestBrowser;
import io.gatehouse.workos.DirectoryInfo;
import io.gatehouse.workos.WorkOs;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import static io.gatehouse.support.SignedWebhooks.event;
import static io.gatehouse.support.SignedWebhooks.group;
import static io.gatehouse.support.SignedWebhooks.membership;
import static io.gatehouse.support.SignedWebhooks.user;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code POST /webhooks/workos}: only signed, fresh deliveries are applied, each event once, an older change never
 * overwrites a newer one, and a deactivation ends the person's live sessions.
 */
@GatehouseIntegrationTest
@TestPropertySource(properties = "spring.application.name=gatehouse-webhook-tests")
class WebhookIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	GatehouseSettings settings;

	@Autowired
	WorkOs workos;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Accounts accounts;

	@Autowired
	Passwords passwords;

	SignedWebhooks webhooks;

	String directoryId;

	String organizationId;

	@BeforeEach
	void setUp() {
		webhooks = new SignedWebhooks(port, settings.local().emulatorWebhookSecret());
		DirectoryInfo acme = workos.directories().stream().filter(d -> d.name().startsWith("Acme")).findFirst().orElseThrow();
		directoryId = acme.id();
		organizationId = acme.organizationId();
	}

	@Test
	void aSignedEventIsAppliedOnceAndADuplicateChangesNothing() {
		Instant at = Instant.now();
		String body = event("dsync.user.created",
				user("directory_user_once", directoryId, organizationId, "once@acme.test", "Once", "Only", "active", at), at);

		assertThat(webhooks.send(body)).isEqualTo(200);
		assertThat(webhooks.send(body)).isEqualTo(200);

		assertThat(mirrored("directory_user_once")).isEqualTo("once@acme.test|Once|active|false");
		assertThat(jdbc.sql("select count(*) from directory_events where subject_id = 'directory_user_once'")
			.query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void anOlderUpdateArrivingLateNeverOverwritesANewerOne() {
		Instant older = Instant.now().minusSeconds(20);
		Instant newer = older.plusSeconds(10);
		String id = "directory_user_late";

		assertThat(webhooks.send(event("dsync.user.updated",
				user(id, directoryId, organizationId, "late@acme.test", "Newer", "Name", "inactive", newer), newer)))
			.isEqualTo(200);
		assertThat(webhooks.send(event("dsync.user.updated",
				user(id, directoryId, organizationId, "late@acme.test", "Older", "Name", "active", older), older)))
			.isEqualTo(200);

		assertThat(mirrored(id)).isEqualTo("late@acme.test|Newer|inactive|false");
	}

	@Test
	void aDeletionArrivingBeforeTheCreationKeepsThePersonDeleted() {
		Instant created = Instant.now().minusSeconds(5);
		Instant deleted = created.plusSeconds(2);
		String id = "directory_user_gone";
		Map<String, Object> person = user(id, directoryId, organizationId, "gone@acme.test", "Gone", "Soon", "active", created);

		webhooks.send(event("dsync.user.deleted",
				user(id, directoryId, organizationId, "gone@acme.test", "Gone", "Soon", "inactive", deleted), deleted));
		webhooks.send(event("dsync.user.created", person, created));

		assertThat(mirrored(id)).endsWith("|true");
	}

	@Test
	void membershipsFollowTheLatestChangeWhateverTheOrder() {
		Instant t0 = Instant.now().minusSeconds(30);
		Map<String, Object> person = user("directory_user_member", directoryId, organizationId, "member@acme.test", "Mem",
				"Ber", "active", t0);
		Map<String, Object> team = group("directory_group_hooks", directoryId, organizationId, "Webhook Team", t0);

		webhooks.send(event("dsync.group.user_removed", membership(person, team), t0.plusSeconds(2)));
		webhooks.send(event("dsync.group.user_added", membership(person, team), t0.plusSeconds(1)));
		assertThat(groupsOf("directory_user_member")).isEmpty();

		webhooks.send(event("dsync.group.user_added", membership(person, team), t0.plusSeconds(3)));
		assertThat(groupsOf("directory_user_member")).isEqualTo("Webhook Team");
	}

	@Test
	void simultaneousEventsAboutANewPersonAreAllAcceptedAndTheNewestVersionWins() throws Exception {
		SimultaneousEvents.deliverAndCheck(List.of(webhooks), jdbc, directoryId, organizationId, "rush", 30);
	}

	@Test
	void badOrMissingSignaturesAndStaleTimestampsAre401AndNothingIsApplied() {
		Instant at = Instant.now();
		String body = event("dsync.user.created",
				user("directory_user_forged", directoryId, organizationId, "forged@acme.test", "For", "Ged", "active", at), at);
		long now = System.currentTimeMillis();

		assertThat(webhooks.send(body, null)).isEqualTo(401);
		assertThat(webhooks.send(body, SignedWebhooks.signature(body, now, "whsec_wrong"))).isEqualTo(401);
		assertThat(webhooks.send(body, SignedWebhooks.signature(body, now - 4 * 60_000, webhooks.secret())))
			.isEqualTo(401);
		assertThat(webhooks.send(body, SignedWebhooks.signature(body, now / 1000, webhooks.secret())))
			.as("a timestamp in seconds is not a fresh one").isEqualTo(401);
		assertThat(webhooks.send(body, "t=oops, v1=zz")).isEqualTo(401);
		assertThat(webhooks.send(body.replace("forged@", "tampered@"),
				SignedWebhooks.signature(body, now, webhooks.secret()))).isEqualTo(401);

		assertThat(jdbc.sql("select count(*) from directory_users where id = 'directory_user_forged'").query(Long.class).single())
			.isZero();
		assertThat(jdbc.sql("select count(*) from audit_events where type = 'webhook.refused'").query(Long.class).single())
			.isGreaterThanOrEqualTo(6);
	}

	@Test
	void signedBodiesThatAreNotEventsAre400AndUnknownEventsAreAcknowledged() {
		assertThat(webhooks.send("{not json")).isEqualTo(400);
		assertThat(webhooks.send("{\"id\":\"event_x\",\"event\":\"dsync.user.created\",\"data\":{\"id\":\"u\"},\"created_at\":\"2026-01-01T00:00:00Z\"}"))
			.as("a directory user without its required fields").isEqualTo(400);
		assertThat(webhooks.send("")).isEqualTo(400);

		String unknown = event("vault.secret.rotated", Map.of("anything", "goes"), Instant.now());
		assertThat(webhooks.send(unknown)).isEqualTo(200);
		assertThat(jdbc.sql("select outcome from directory_events where name = 'vault.secret.rotated'").query(String.class).single())
			.isEqualTo("ignored");
	}

	@Test
	void aDeactivationEndsThePersonsLiveSessionAndReactivationLetsThemBackIn() {
		TestBrowser browser = new TestBrowser(port);
		new SsoJourney(browser).signIn("katherine.johnson@acme.test", "");
		assertThat(browser.get("/account").status()).isEqualTo(200);
		Instant at = Instant.now();
		String id = "directory_user_katherine";

		assertThat(webhooks.send(event("dsync.user.updated",
				user(id, directoryId, organizationId, "katherine.johnson@acme.test", "Katherine", "Johnson", "inactive", at), at)))
			.isEqualTo(200);

		assertThat(browser.get("/account").status()).as("the session has ended").isEqualTo(302);
		assertThat(jdbc.sql("select count(*) from audit_events where type = 'user.deprovisioned' and subject = 'katherine.johnson@acme.test'")
			.query(Long.class).single()).isEqualTo(1);
		TestBrowser again = new TestBrowser(port);
		TestBrowser.Page refused = new SsoJourney(again).signIn("katherine.johnson@acme.test", "");
		assertThat(refused.isRedirect() ? refused.location() : refused.status() + "")
			.as("a deactivated person cannot sign in by SSO").doesNotEndWith("/account");
		assertThat(again.get("/account").status()).isEqualTo(302);

		Instant later = at.plusSeconds(1);
		webhooks.send(event("dsync.user.updated",
				user(id, directoryId, organizationId, "katherine.johnson@acme.test", "Katherine", "Johnson", "active", later), later));

		TestBrowser back = new TestBrowser(port);
		new SsoJourney(back).signIn("katherine.johnson@acme.test", "");
		assertThat(back.get("/account").status()).isEqualTo(200);
	}

	@Test
	void directoryGroupsReachTheAccountAndAMappingGivesThemAnAppGroup() {
		new SsoJourney(new TestBrowser(port)).signIn("edsger.dijkstra@acme.test", "");
		long userId = accounts.findForLogin("edsger.dijkstra@acme.test", true, false).orElseThrow().userId();
		Instant at = Instant.now();
		Map<String, Object> person = user("directory_user_edsger", directoryId, organizationId, "edsger.dijkstra@acme.test",
				"Edsger", "Dijkstra", "active", at);
		Map<String, Object> team = group("directory_group_compilers", directoryId, organizationId, "Compilers", at);
		webhooks.send(event("dsync.group.user_added", membership(person, team), at));
		assertThat(accounts.facts(userId).orElseThrow().directoryGroups()).containsExactly("Compilers");

		if (accounts.findForLogin("hooks.admin@example.test", true, false).isEmpty()) {
			accounts.createAdmin("hooks.admin@example.test", passwords.hash("hooks-admin-password"));
		}
		TestBrowser admin = SignedInAs.password(port, "hooks.admin@example.test", "hooks-admin-password");
		TestBrowser.Page groupPage = admin.get("/directories/groups/directory_group_compilers");
		assertThat(groupPage.body()).contains("edsger.dijkstra@acme.test");

		TestBrowser.Page refused = admin.submit(groupPage, "/directories/groups/directory_group_compilers/mapping",
				Map.of("appGroup", "<script>"));
		assertThat(refused.status()).isEqualTo(200);
		assertThat(refused.body()).contains("Use letters, digits").doesNotContain("<script>");
		assertThat(accounts.facts(userId).orElseThrow().groups()).doesNotContain("<script>");

		TestBrowser.Page saved = admin.get(admin.submit(groupPage, "/directories/groups/directory_group_compilers/mapping",
				Map.of("appGroup", "compiler-team")).location());
		assertThat(saved.body()).contains("Mapped to app group compiler-team; 1 members updated.");
		assertThat(accounts.facts(userId).orElseThrow().groups()).contains("compiler-team");

		webhooks.send(event("dsync.group.user_removed", membership(person, team), at.plusSeconds(1)));
		assertThat(accounts.facts(userId).orElseThrow().groups()).doesNotContain("compiler-team");
		assertThat(accounts.facts(userId).orElseThrow().directoryGroups()).isEmpty();
	}

	private String mirrored(String id) {
		return jdbc.sql("select email, first_name, state, deleted from directory_users where id = ?")
			.param(id)
			.query((rs, i) -> rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getString(3) + "|" + rs.getBoolean(4))
			.single();
	}

	private String groupsOf(String id) {
		return DirectorySync.groupsOf(jdbc, id);
	}

}
