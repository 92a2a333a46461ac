package io.gatehouse.scaleout;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.gatehouse.GatehouseApplication;
import io.gatehouse.account.Accounts;
import io.gatehouse.account.Passwords;
import io.gatehouse.settings.GatehouseSettings;
import io.gatehouse.support.Postgres;
import io.gatehouse.support.SignedInAs;
import io.gatehouse.support.SignedWebhooks;
import io.gatehouse.support.SimultaneousEvents;
import io.gatehouse.support.SsoJourney;
import io.gatehouse.support.TestBrowser;
import io.gatehouse.support.TestBrowser.Page;
import io.gatehouse.workos.DirectoryInfo;
import io.gatehouse.workos.WorkOs;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances of Gatehouse on one PostgreSQL database, as behind a load balancer: every migration runs on
 * PostgreSQL; a session started on one instance is valid on the other; signing a person out everywhere on one ends
 * their session on the other; a throttling limit reached through one holds on the other; only one instance syncs a
 * directory at a time; the directory mirror's writes and webhook intake work on PostgreSQL.
 */
@Tag("postgres")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoInstancesOnPostgresTests {

	static final String PASSWORD = "two-instances-password";

	Postgres database;

	ConfigurableApplicationContext instanceA;

	ConfigurableApplicationContext instanceB;

	/** The webhook secret both instances verify with: A's emulator's, random per install. */
	String secret;

	int portA;

	int portB;

	@BeforeAll
	void startTwoInstances() {
		database = Postgres.freshDatabase();
		instanceA = start("gatehouse-a", null);
		portA = port(instanceA);
		// Both reach WorkOS at the same place, as two real instances would: here, instance A's emulator.
		instanceB = start("gatehouse-b", "http://127.0.0.1:" + portA + "/emulator");
		secret = SignedWebhooks.localSecret(instanceA);
		portB = port(instanceB);
	}

	@AfterAll
	void stop() {
		if (instanceB != null) {
			instanceB.close();
		}
		if (instanceA != null) {
			instanceA.close();
		}
		if (database != null) {
			database.drop();
		}
	}

	@Test
	void everyMigrationRanOnPostgres() {
		JdbcClient jdbc = instanceA.getBean(JdbcClient.class);
		assertThat(jdbc.sql("select version()").query(String.class).single()).startsWith("PostgreSQL");
		assertThat(jdbc.sql("select count(*) from flyway_schema_history where success").query(Long.class).single())
			.isGreaterThanOrEqualTo(16);
	}

	@Test
	void aSessionStartedOnOneInstanceIsValidOnTheOther() {
		String email = user("roaming@example.test");
		TestBrowser browser = SignedInAs.password(portA, email, PASSWORD);

		Page onB = browser.get("http://localhost:" + portB + "/account");

		assertThat(onB.status()).isEqualTo(200);
		assertThat(onB.body()).contains(email);
	}

	@Test
	void signingSomeoneOutEverywhereOnOneInstanceEndsTheirSessionOnTheOther() {
		String email = user("signed.out@example.test");
		TestBrowser person = SignedInAs.password(portA, email, PASSWORD);
		assertThat(person.get("/account").status()).isEqualTo(200);
		long userId = instanceA.getBean(Accounts.class).findForLogin(email, true, false).orElseThrow().userId();

		TestBrowser admin = SignedInAs.password(portB, admin("admin.b@example.test"), PASSWORD);
		Page confirm = admin.get("/admin/users/" + userId + "/sign-out");
		assertThat(confirm.status()).isEqualTo(200);
		Page done = admin.submit(confirm, "/admin/users/" + userId + "/sign-out", Map.of());
		assertThat(done.status()).isEqualTo(302);

		assertThat(person.get("/account").status()).as("the session on instance A has ended").isEqualTo(302);
	}

	@Test
	void aThrottlingLimitReachedThroughOneInstanceHoldsOnTheOther() {
		String email = user("sprayed@example.test");
		for (int i = 0; i < 5; i++) {
			assertThat(passwordStep(portA, email, "wrong-" + i).body()).contains("Incorrect username or password.");
		}

		Page onB = passwordStep(portB, email, PASSWORD);

		assertThat(onB.status()).isEqualTo(200);
		assertThat(onB.body()).contains("Incorrect username or password.");
	}

	@Test
	void onlyOneInstanceSyncsAtATimeAndTheMirrorWorksOnPostgres() {
		TestBrowser adminA = SignedInAs.password(portA, admin("sync.admin.a@example.test"), PASSWORD);
		TestBrowser adminB = SignedInAs.password(portB, admin("sync.admin.b@example.test"), PASSWORD);

		Page startedOnA = adminA.get(adminA.submit(adminA.get("/directories"), "/directories/sync", Map.of()).location());
		Page refusedOnB = adminB.get(adminB.submit(adminB.get("/directories"), "/directories/sync", Map.of()).location());

		assertThat(startedOnA.body()).contains("Full sync started");
		assertThat(refusedOnB.body()).contains("A sync is already running");
		long deadline = System.currentTimeMillis() + 60_000;
		while (adminB.get("/directories/progress", "application/json").body().contains("\"running\":true")) {
			assertThat(System.currentTimeMillis()).isLessThan(deadline);
			sleep(200);
		}
		JdbcClient jdbc = instanceB.getBean(JdbcClient.class);
		WorkOs workos = instanceB.getBean(WorkOs.class);
		for (DirectoryInfo directory : workos.directories()) {
			long source = 0;
			String after = null;
			do {
				var page = workos.directoryUsers(directory.id(), after);
				source += page.users().size();
				after = page.after();
			}
			while (after != null);
			assertThat(jdbc.sql("select count(*) from directory_users where directory_id = ? and not deleted")
				.param(directory.id()).query(Long.class).single()).as(directory.name()).isEqualTo(source);
		}

		DirectoryInfo acme = workos.directories().stream().filter(d -> d.name().startsWith("Acme")).findFirst().orElseThrow();
		Instant at = Instant.now();
		Map<String, Object> person = SignedWebhooks.user("directory_user_pg", acme.id(), acme.organizationId(),
				"pg.person@acme.test", "Pe", "Gee", "active", at);
		String event = SignedWebhooks.event("dsync.user.created", person, at);
		assertThat(new SignedWebhooks(portB, secret).send(event)).isEqualTo(200);
		assertThat(new SignedWebhooks(portA, secret).send(event)).as("the same event through the other instance").isEqualTo(200);
		assertThat(jdbc.sql("select count(*) from directory_events where subject_id = 'directory_user_pg'").query(Long.class).single())
			.isEqualTo(1);
		assertThat(jdbc.sql("select state from directory_users where id = 'directory_user_pg'").query(String.class).single())
			.isEqualTo("active");
	}

	@Test
	void simultaneousEventsAboutANewPersonThroughBothInstancesAreAllAccepted() throws Exception {
		WorkOs workos = instanceA.getBean(WorkOs.class);
		DirectoryInfo acme = workos.directories().stream().filter(d -> d.name().startsWith("Acme")).findFirst().orElseThrow();
		SimultaneousEvents.deliverAndCheck(List.of(new SignedWebhooks(portA, secret), new SignedWebhooks(portB, secret)),
				instanceA.getBean(JdbcClient.class), acme.id(), acme.organizationId(), "pgrush", 20);
	}

	private ConfigurableApplicationContext start(String name, String workosUrl) {
		List<String> args = new java.util.ArrayList<>(List.of("--spring.profiles.active=test,postgres", "--server.port=0",
				"--spring.application.name=" + name, "--spring.datasource.url=" + database.url(),
				"--spring.datasource.username=postgres", "--spring.datasource.password=",
				"--gatehouse.throttle.first-delay=1m", "--gatehouse.directory.catch-up-enabled=false",
				"--gatehouse.local.emulator-directory-rate-limit=4"));
		if (workosUrl != null) {
			// B calls A's emulator: it is told so explicitly, with A's (random) secrets.
			GatehouseSettings.Local a = instanceA.getBean(GatehouseSettings.class).local();
			args.addAll(List.of("--gatehouse.mode=local", "--gatehouse.workos.api-base-url=" + workosUrl,
					"--gatehouse.local.emulator-api-key=" + a.emulatorApiKey(),
					"--gatehouse.local.emulator-webhook-secret=" + a.emulatorWebhookSecret(),
					"--gatehouse.local.emulator-okta-client-secret=" + a.emulatorOktaClientSecret()));
		}
		return new SpringApplicationBuilder(GatehouseApplication.class).run(args.toArray(String[]::new));
	}

	private static int port(ConfigurableApplicationContext context) {
		return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
	}

	private String user(String email) {
		instanceA.getBean(Accounts.class).createLocalUser(email, "Two", "Instances",
				instanceA.getBean(Passwords.class).hash(PASSWORD), List.of());
		return email;
	}

	private String admin(String email) {
		instanceA.getBean(Accounts.class).createAdmin(email, instanceA.getBean(Passwords.class).hash(PASSWORD));
		return email;
	}

	private Page passwordStep(int port, String email, String password) {
		TestBrowser browser = new TestBrowser(port);
		Page step = browser.get(new SsoJourney(browser).identify(email, "").location());
		return browser.submit(step, "/accounts/login/password", Map.of("password", password));
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

}
