package io.gatehouse.directory;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.gatehouse.settings.GatehouseSettings;
import io.gatehouse.support.EmulatorConsole;
import io.gatehouse.support.GatehouseIntegrationTest;
import io.gatehouse.support.SignedWebhooks;
import io.gatehouse.workos.WorkOs;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Changes made in the emulated directory reach the mirror: live by webhook, by the Events API when webhooks were
 * lost, and right whatever the order and however often an event arrives.
 */
@GatehouseIntegrationTest
@TestPropertySource(properties = { "spring.application.name=gatehouse-directory-events-tests",
		"gatehouse.local.emulator-directory-rate-limit=0", "gatehouse.directory.requests-per-second=0",
		"gatehouse.directory.catch-up-enabled=false" })
class DirectoryEventsIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	GatehouseSettings settings;

	@Autowired
	FullSync sync;

	@Autowired
	EventCatchUp catchUp;

	@Autowired
	WorkOs workos;

	@Autowired
	JdbcClient jdbc;

	EmulatorConsole console;

	@BeforeEach
	void setUp() {
		console = new EmulatorConsole(port);
		sync.syncAll();
	}

	@Test
	void changesInTheDirectoryReachTheMirrorByWebhookWithinSeconds() {
		String acme = console.directoryId("Acme directory");
		String alan = console.userId(acme, "alan.turing@acme.test");
		String research = console.groupId(acme, "Research");

		console.suspend(alan);
		String added = console.addUser(acme, "new.hire@acme.test", "New", "Hire", "Engineer");
		console.addToGroup(added, research);
		console.renameGroup(research, "Research Lab");

		awaitMirrorEqualsSource(acme);
		assertThat(jdbc.sql("select state from directory_users where id = ?").param(alan).query(String.class).single())
			.isEqualTo("inactive");
		assertThat(DirectorySync.groupsOf(jdbc, added))
			.isEqualTo("Research Lab");
	}

	@Test
	void whenWebhooksAreLostTheEventsCatchUpRepairsTheMirror() {
		catchUp.run();
		String acme = console.directoryId("Acme directory");
		String katherine = console.userId(acme, "katherine.johnson@acme.test");
		console.pauseDelivery();
		try {
			console.editUser(katherine, "katherine.johnson@acme.test", "Katie", "Johnson", "Mathematician");
			String dropped = console.addUser(acme, "dropped.hook@acme.test", "Dropped", "Hook", "Tester");
			console.deleteUser(console.userId(acme, "grace.hopper@acme.test"));
			console.addToGroup(dropped, console.groupId(acme, "Engineering"));
			assertThat(DirectorySync.mirrorOf(jdbc, acme)).isNotEqualTo(DirectorySync.sourceOf(workos, acme));

			assertThat(catchUp.run()).isEqualTo(4);

			assertThat(DirectorySync.mirrorOf(jdbc, acme)).isEqualTo(DirectorySync.sourceOf(workos, acme));
			assertThat(catchUp.run()).as("reading the same events again changes nothing").isZero();
		}
		finally {
			console.resumeDelivery();
		}
	}

	@Test
	void aShuffledStreamOf1000EventsWithDuplicatesLeavesTheMirrorEqualToTheSource() throws Exception {
		String globex = console.directoryId("Globex directory");
		Set<String> before = new HashSet<>(eventIds());
		console.pauseDelivery();
		try {
			makeChanges(globex, 1000);
		}
		finally {
			console.resumeDelivery();
		}
		List<String> events = new ArrayList<>();
		for (JsonNode event : events()) {
			if (!before.contains(event.get("id").asString())) {
				events.add(event.toString());
			}
		}
		assertThat(events).hasSize(1000);
		Random random = new Random(42);
		List<String> stream = new ArrayList<>(events);
		for (int i = 0; i < 100; i++) {
			stream.add(events.get(random.nextInt(events.size())));
		}
		Collections.shuffle(stream, random);

		SignedWebhooks webhooks = new SignedWebhooks(port, settings.local().emulatorWebhookSecret());
		ExecutorService senders = Executors.newFixedThreadPool(4);
		List<Future<Integer>> answers = new ArrayList<>();
		for (String body : stream) {
			answers.add(senders.submit(() -> webhooks.send(body)));
		}
		for (Future<Integer> answer : answers) {
			assertThat(answer.get()).isEqualTo(200);
		}
		senders.shutdown();

		assertThat(DirectorySync.mirrorOf(jdbc, globex)).isEqualTo(DirectorySync.sourceOf(workos, globex));
		Set<String> ids = new HashSet<>();
		events.forEach(e -> ids.add(JsonMapper.builder().build().readTree(e).get("id").asString()));
		assertThat(jdbc.sql("select count(*) from directory_events where directory_id = ?").param(globex)
			.query(Long.class).single()).isEqualTo(ids.size());
	}

	/** Random but valid changes (every one sends exactly one event), until {@code count} events were sent. */
	private void makeChanges(String directoryId, int count) {
		Random random = new Random(7);
		List<String> users = new ArrayList<>(jdbc.sql("select id from directory_users where directory_id = ? and not deleted")
			.param(directoryId).query(String.class).list());
		Map<String, Boolean> active = new HashMap<>();
		users.forEach(u -> active.put(u, true));
		List<String> groups = new ArrayList<>(jdbc.sql("select id from directory_groups where directory_id = ? and not deleted")
			.param(directoryId).query(String.class).list());
		Map<String, Set<String>> members = new HashMap<>();
		for (String user : users) {
			members.put(user, new HashSet<>(jdbc.sql("select group_id from directory_memberships where user_id = ? and member")
				.param(user).query(String.class).list()));
		}
		int sent = 0;
		int serial = 0;
		while (sent < count) {
			serial++;
			String user = users.get(random.nextInt(users.size()));
			int choice = random.nextInt(20);
			if (choice < 3) {
				String id = console.addUser(directoryId, "person" + serial + "@globex.test", "Person", "No" + serial, "Staff");
				users.add(id);
				active.put(id, true);
				members.put(id, new HashSet<>());
			}
			else if (choice < 8) {
				console.editUser(user, emailOf(user), "Renamed" + serial, "Person", "Staff " + serial);
			}
			else if (choice < 10) {
				if (active.get(user)) {
					console.suspend(user);
				}
				else {
					console.reactivate(user);
				}
				active.put(user, !active.get(user));
			}
			else if (choice < 14) {
				String group = groups.get(random.nextInt(groups.size()));
				if (members.get(user).add(group)) {
					console.addToGroup(user, group);
				}
				else {
					members.get(user).remove(group);
					console.removeFromGroup(user, group);
				}
			}
			else if (choice < 16 && users.size() > 20) {
				console.deleteUser(user);
				users.remove(user);
			}
			else if (choice < 18) {
				groups.add(console.addGroup(directoryId, "Team " + serial));
			}
			else if (choice < 19) {
				console.renameGroup(groups.get(random.nextInt(groups.size())), "Renamed team " + serial);
			}
			else if (groups.size() > 3) {
				String group = groups.remove(random.nextInt(groups.size()));
				console.deleteGroup(group);
				members.values().forEach(m -> m.remove(group));
			}
			else {
				continue;
			}
			sent++;
		}
	}

	private String emailOf(String userId) {
		return jdbc.sql("select email from directory_users where id = ?").param(userId).query(String.class).optional()
			.orElseGet(() -> console.page("/emulator/ui/directory-users/" + userId)
				.find("name=\"email\"[^>]*value=\"([^\"]+)\"").orElseThrow());
	}

	private List<String> eventIds() throws Exception {
		return events().stream().map(e -> e.get("id").asString()).toList();
	}

	/** Every event the emulator recorded, oldest first, read as WorkOS's Events API serves them. */
	private List<JsonNode> events() throws Exception {
		HttpClient http = HttpClient.newHttpClient();
		JsonMapper json = JsonMapper.builder().build();
		List<JsonNode> all = new ArrayList<>();
		String after = null;
		do {
			String url = "http://127.0.0.1:" + port + "/emulator/events?limit=100" + (after != null ? "&after=" + after : "");
			HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
				.header("Authorization", "Bearer " + settings.local().emulatorApiKey()).build(), HttpResponse.BodyHandlers.ofString());
			JsonNode page = json.readTree(response.body());
			page.get("data").forEach(all::add);
			JsonNode next = page.get("list_metadata").get("after");
			after = next == null || next.isNull() ? null : next.asString();
		}
		while (after != null);
		return all;
	}

	private void awaitMirrorEqualsSource(String directoryId) {
		long deadline = System.currentTimeMillis() + 10_000;
		while (!DirectorySync.mirrorOf(jdbc, directoryId).equals(DirectorySync.sourceOf(workos, directoryId))) {
			assertThat(System.currentTimeMillis()).as("the mirror caught up within 10 seconds").isLessThan(deadline);
			DirectorySync.sleep(100);
		}
	}

}
