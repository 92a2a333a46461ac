package io.gatehouse.emulator;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import com.sun.net.httpserver.HttpServer;
import com.workos.models.DsyncGroupCreated;
import com.workos.models.DsyncGroupDeleted;
import com.workos.models.DsyncGroupUpdated;
import com.workos.models.DsyncGroupUserAdded;
import com.workos.models.DsyncGroupUserRemoved;
import com.workos.models.DsyncUserCreated;
import com.workos.models.DsyncUserDeleted;
import com.workos.models.DsyncUserUpdated;
import com.workos.models.WorkOSEvent;
import com.workos.types.DirectoryUserState;
import com.workos.webhooks.Webhook;
import io.gatehouse.settings.GatehouseSettings;
import io.gatehouse.support.EmulatorConsole;
import io.gatehouse.support.GatehouseIntegrationTest;
import io.gatehouse.support.TestBrowser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Directory changes made on the emulator's console become WorkOS events: signed webhooks (to a small receiver here)
 * that the real SDK verifies and binds, and the Events API, which the SDK reads through its documented workaround.
 */
@GatehouseIntegrationTest
class DirectoryWebhooksIntegrationTests {

	@Autowired
	GatehouseSettings settings;

	private static final Receiver RECEIVER = Receiver.start();

	@DynamicPropertySource
	static void webhooksToTheReceiver(DynamicPropertyRegistry registry) {
		registry.add("gatehouse.local.emulator-webhook-url", () -> RECEIVER.url());
		registry.add("gatehouse.local.emulator-webhook-retry-delays", () -> "100ms,200ms");
	}

	@AfterAll
	static void stopReceiver() {
		RECEIVER.server.stop(0);
	}

	@LocalServerPort
	int port;

	EmulatorConsole console;

	String acme;

	final HttpClient http = HttpClient.newHttpClient();

	final JsonMapper json = JsonMapper.builder().build();

	@BeforeEach
	void openConsole() {
		console = new EmulatorConsole(port);
		acme = console.directoryId("Acme directory");
		RECEIVER.status.set(200);
	}

	@Test
	void suspendingAUserSendsASignedWebhookThatTheSdkVerifiesAndBinds() throws Exception {
		String ada = console.userId(acme, "ada.lovelace@acme.test");

		console.suspend(ada);

		Delivery delivery = RECEIVER.await(d -> d.body().contains(ada) && d.body().contains("dsync.user.updated"));
		assertThat(delivery.signature()).matches("t=\\d{13}, v1=[0-9a-f]{64}");
		assertThat(new Webhook().constructEvent(delivery.body(), delivery.signature(), settings.local().emulatorWebhookSecret()).get("event").asText())
			.isEqualTo("dsync.user.updated");
		WorkOSEvent event = new Webhook().constructTypedEvent(delivery.body(), delivery.signature(), settings.local().emulatorWebhookSecret());
		assertThat(event).isInstanceOf(DsyncUserUpdated.class);
		DsyncUserUpdated updated = (DsyncUserUpdated) event;
		assertThat(updated.getData().getState()).isEqualTo(DirectoryUserState.Inactive);
		assertThat(updated.getData().getEmail()).isEqualTo("ada.lovelace@acme.test");
		assertThat(updated.getData().getPreviousAttributes()).containsEntry("state", "active");
		assertThat(updated.getData().getUpdatedAt()).isEqualTo(updated.getCreatedAt());
		assertThat(delivery.contentType()).startsWith("application/json");

		console.reactivate(ada);
		DsyncUserUpdated reactivated = (DsyncUserUpdated) typed(
				RECEIVER.await(d -> d.body().contains(ada) && d.body().contains("\"state\":\"active\"")));
		assertThat(reactivated.getCreatedAt()).isAfter(updated.getCreatedAt());
		assertThat(reactivated.getData().getUpdatedAt()).isAfter(updated.getData().getUpdatedAt());
	}

	@Test
	void everyKindOfChangeSendsItsTypedEventInOrder() throws Exception {
		String user = console.addUser(acme, "rosalind.franklin@acme.test", "Rosalind", "Franklin", "Chemist");
		console.editUser(user, "rosalind.franklin@acme.test", "Rosalind", "Franklin", "Crystallographer");
		String group = console.addGroup(acme, "Crystallography");
		console.addToGroup(user, group);
		console.renameGroup(group, "X-ray Crystallography");
		console.removeFromGroup(user, group);
		console.deleteGroup(group);
		console.deleteUser(user);

		List<WorkOSEvent> events = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			events.add(typed(RECEIVER.await(d -> d.body().contains(user) || d.body().contains(group))));
		}
		assertThat(events).extracting(e -> e.getClass().getSimpleName())
			.containsExactly(DsyncUserCreated.class.getSimpleName(), DsyncUserUpdated.class.getSimpleName(),
					DsyncGroupCreated.class.getSimpleName(), DsyncGroupUserAdded.class.getSimpleName(),
					DsyncGroupUpdated.class.getSimpleName(), DsyncGroupUserRemoved.class.getSimpleName(),
					DsyncGroupDeleted.class.getSimpleName(), DsyncUserDeleted.class.getSimpleName());
		for (int i = 1; i < events.size(); i++) {
			assertThat(events.get(i).getCreatedAt()).isAfter(events.get(i - 1).getCreatedAt());
		}
		DsyncGroupUserAdded added = (DsyncGroupUserAdded) events.get(3);
		assertThat(added.getData().getUser().getId()).isEqualTo(user);
		assertThat(added.getData().getGroup().getName()).isEqualTo("Crystallography");
		assertThat(added.getData().getDirectoryId()).isEqualTo(acme);
		assertThat(added.getData().getUser().getUpdatedAt()).isEqualTo(added.getCreatedAt());
		assertThat(((DsyncUserUpdated) events.get(1)).getData().getJobTitle()).isEqualTo("Crystallographer");
		assertThat(((DsyncGroupUpdated) events.get(4)).getData().getName()).isEqualTo("X-ray Crystallography");
		assertThat(((DsyncUserDeleted) events.get(7)).getData().getUpdatedAt()).isEqualTo(events.get(7).getCreatedAt());
		assertThat(console.findUserId(acme, "rosalind.franklin@acme.test")).isEmpty();
	}

	@Test
	void whilePausedNothingIsSentButTheEventsApiListsTheEvent() throws Exception {
		String grace = console.userId(acme, "grace.hopper@acme.test");
		console.pauseDelivery();
		try {
			console.editUser(grace, "grace.hopper@acme.test", "Grace", "Hopper", "Rear Admiral");
			JsonNode listed = events("events=dsync.user.updated&order=desc&limit=1");
			JsonNode event = listed.get("data").get(0);
			assertThat(event.get("data").get("id").asString()).isEqualTo(grace);
			assertThat(event.get("data").get("job_title").asString()).isEqualTo("Rear Admiral");
			String eventId = event.get("id").asString();
			Thread.sleep(500);
			assertThat(RECEIVER.received).noneMatch(d -> d.body().contains(eventId));
			assertThat(console.page("/emulator/ui/directories").body())
				.contains("data-event-id=\"" + eventId + "\" data-event=\"dsync.user.updated\" data-status=\"paused\"");
		}
		finally {
			console.resumeDelivery();
		}
		console.editUser(grace, "grace.hopper@acme.test", "Grace", "Hopper", "Engineering Manager");
		assertThat(RECEIVER.await(d -> d.body().contains("Engineering Manager")).body()).contains(grace);
	}

	@Test
	void theEventsApiFiltersByNamePagesWithAfterOrdersAndTakesARange() throws Exception {
		OffsetDateTime start = OffsetDateTime.now().minusSeconds(1);
		String katherine = console.userId(acme, "katherine.johnson@acme.test");
		String group = console.groupId(acme, "Research");
		console.removeFromGroup(katherine, group);
		for (int i = 1; i <= 3; i++) {
			console.editUser(katherine, "katherine.johnson@acme.test", "Katherine", "Johnson", "Mathematician " + i);
		}
		console.addToGroup(katherine, group);

		List<String> titles = new ArrayList<>();
		String after = null;
		do {
			JsonNode page = events("events=dsync.user.updated,dsync.user.deleted&limit=2&range_start="
					+ URLEncoder.encode(start.toString(), StandardCharsets.UTF_8) + (after == null ? "" : "&after=" + after));
			page.get("data").forEach(e -> titles.add(e.get("data").get("job_title").asString()));
			JsonNode next = page.get("list_metadata").get("after");
			after = next.isNull() ? null : next.asString();
		}
		while (after != null);
		assertThat(titles).containsSubsequence("Mathematician 1", "Mathematician 2", "Mathematician 3");

		JsonNode repeated = events("events=dsync.group.user_removed&events%5B%5D=dsync.group.user_added&order=desc&limit=2");
		assertThat(repeated.get("data")).extracting(e -> e.get("event").asString())
			.containsExactly("dsync.group.user_added", "dsync.group.user_removed");

		String future = URLEncoder.encode(OffsetDateTime.now().plusHours(1).withSecond(0).withNano(0).toString(),
				StandardCharsets.UTF_8);
		assertThat(events("range_start=" + future).get("data")).isEmpty();
		assertThat(events("organization_id=org_unknown").get("data")).isEmpty();

		com.workos.WorkOS workos = new com.workos.WorkOS(settings.local().emulatorApiKey(), "client_gatehouse_local",
				"http://127.0.0.1:" + port + "/emulator");
		com.workos.common.http.Page<WorkOSEvent> typed = workos.baseClient.requestPage("GET", "/events",
				new com.fasterxml.jackson.core.type.TypeReference<WorkOSEvent>() {
				}, null, null, null, q -> {
					q.add(new kotlin.Pair<>("events", "dsync.user.updated,dsync.group.user_added"));
					q.add(new kotlin.Pair<>("order", "desc"));
					q.add(new kotlin.Pair<>("limit", "2"));
					return kotlin.Unit.INSTANCE;
				});
		assertThat(typed.data).hasSize(2);
		assertThat(typed.data.get(0)).isInstanceOf(DsyncGroupUserAdded.class);
		assertThat(typed.data.get(1)).isInstanceOf(DsyncUserUpdated.class);
		assertThat(((DsyncUserUpdated) typed.data.get(1)).getData().getJobTitle()).isEqualTo("Mathematician 3");
		assertThat(typed.listMetadata.after).isEqualTo(typed.data.get(1).getId());
	}

	@Test
	void theEventsApiAnswers422ToABadLimitAnd401WithoutKey() throws Exception {
		for (String limit : List.of("0", "101", "ten")) {
			assertThat(send("/emulator/events?limit=" + limit, settings.local().emulatorApiKey()).statusCode()).isEqualTo(422);
		}
		assertThat(send("/emulator/events?range_start=yesterday", settings.local().emulatorApiKey()).statusCode()).isEqualTo(422);
		assertThat(send("/emulator/events", "wrong").statusCode()).isEqualTo(401);
	}

	@Test
	void aFailingEndpointIsRetriedThenTheEventIsMarkedFailed() throws Exception {
		String alan = console.userId(acme, "alan.turing@acme.test");
		RECEIVER.status.set(500);
		console.editUser(alan, "alan.turing@acme.test", "Alan", "Turing", "Codebreaker");
		for (int attempt = 1; attempt <= 3; attempt++) {
			RECEIVER.await(d -> d.body().contains("Codebreaker"));
		}
		String eventId = events("events=dsync.user.updated&order=desc&limit=1").get("data").get(0).get("id").asString();
		String row = "data-event-id=\"" + eventId + "\" data-event=\"dsync.user.updated\" data-status=\"failed\"";
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
		while (!console.page("/emulator/ui/directories").body().contains(row) && System.nanoTime() < deadline) {
			Thread.sleep(50);
		}
		assertThat(console.page("/emulator/ui/directories").body()).contains(row).contains("HTTP 500");
		assertThat(RECEIVER.received.poll(300, TimeUnit.MILLISECONDS)).isNull();
	}

	@Test
	void consoleFormsRerenderWithErrorsAndUnknownIdsGiveA404Page() {
		String edsger = console.userId(acme, "edsger.dijkstra@acme.test");
		TestBrowser.Page blank = console.post("/emulator/ui/directories/" + acme + "/users",
				Map.of("email", "", "firstName", "", "lastName", "x".repeat(101), "jobTitle", ""));
		assertThat(blank.status()).isEqualTo(200);
		assertThat(blank.body()).contains("Enter an email address.", "Enter a first name.", "At most 100 characters.");

		TestBrowser.Page duplicate = console.post("/emulator/ui/directory-users/" + edsger,
				Map.of("email", "ada.lovelace@acme.test", "firstName", "Edsger", "lastName", "Dijkstra", "jobTitle", ""));
		assertThat(duplicate.status()).isEqualTo(200);
		assertThat(duplicate.body()).contains("Another user of this directory has this email.");

		TestBrowser.Page badEmail = console.post("/emulator/ui/directory-users/" + edsger,
				Map.of("email", "not-an-email", "firstName", "Edsger", "lastName", "Dijkstra", "jobTitle", ""));
		assertThat(badEmail.body()).contains("Enter an email address such as");

		TestBrowser.Page duplicateGroup = console.post("/emulator/ui/directories/" + acme + "/groups", Map.of("name", "research"));
		assertThat(duplicateGroup.status()).isEqualTo(200);
		assertThat(duplicateGroup.body()).contains("This directory already has a group with this name.");

		TestBrowser.Page unknown = console.page("/emulator/ui/directory-users/directory_user_nope");
		assertThat(unknown.status()).isEqualTo(404);
		assertThat(unknown.body()).contains("does not exist", "/webjars/bootstrap/");
		assertThat(console.post("/emulator/ui/directory-users/directory_user_nope/suspend", Map.of()).status()).isEqualTo(404);
		assertThat(console.page("/emulator/ui/directories/directory_nope").status()).isEqualTo(404);
		assertThat(console.post("/emulator/ui/directory-users/" + edsger + "/groups", Map.of("groupId", "directory_group_nope"))
			.status()).isEqualTo(404);
		assertThat(console.page("/emulator/ui/directory-users/" + edsger).body()).contains("Staff Engineer");
	}

	@Test
	void theConsoleSearchesAndPagesUsers() {
		console.addUser(acme, "page.fifty-one@acme.test", "Page", "Fiftyone", "");
		TestBrowser.Page first = console.page("/emulator/ui/directories/" + acme);
		assertThat(first.body()).contains("id=\"next-page\"");
		String next = first.find("id=\"next-page\"\\s+href=\"([^\"]+)\"").orElseThrow();
		TestBrowser.Page second = console.page(next.replace("&amp;", "&"));
		assertThat(second.status()).isEqualTo(200);
		assertThat(second.body()).contains("class=\"user\"").contains("id=\"first-page\"");

		TestBrowser.Page found = console.page("/emulator/ui/directories/" + acme + "?q=lovelace");
		assertThat(found.body()).contains("data-email=\"ada.lovelace@acme.test\"").doesNotContain("grace.hopper@acme.test");
	}

	@Test
	void browsersOpeningTheApiAddressLandOnTheConsoleWhileTheSdkGetsJson() throws Exception {
		TestBrowser.Page page = console.page("/emulator/directories");
		assertThat(page.isRedirect()).isTrue();
		assertThat(page.location()).endsWith("/emulator/ui/directories");
		HttpResponse<String> api = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/emulator/directories"))
			.header("Authorization", "Bearer " + settings.local().emulatorApiKey())
			.header("Accept", "application/json")
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(api.statusCode()).isEqualTo(200);
		assertThat(api.body()).startsWith("{\"object\":\"list\"");
	}

	private JsonNode events(String query) throws Exception {
		HttpResponse<String> answer = send("/emulator/events?" + query, settings.local().emulatorApiKey());
		assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
		return json.readTree(answer.body());
	}

	private HttpResponse<String> send(String path, String apiKey) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.header("Authorization", "Bearer " + apiKey)
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private WorkOSEvent typed(Delivery delivery) throws Exception {
		return new Webhook().constructTypedEvent(delivery.body(), delivery.signature(), settings.local().emulatorWebhookSecret());
	}

	record Delivery(String body, String signature, String contentType) {
	}

	/** A webhook endpoint on a free port that answers with {@link #status} and keeps what it received. */
	static final class Receiver {

		final HttpServer server;

		final LinkedBlockingQueue<Delivery> received = new LinkedBlockingQueue<>();

		final AtomicInteger status = new AtomicInteger(200);

		private Receiver(HttpServer server) {
			this.server = server;
		}

		static Receiver start() {
			try {
				HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
				Receiver receiver = new Receiver(server);
				server.createContext("/hook", exchange -> {
					String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
					receiver.received.add(new Delivery(body, exchange.getRequestHeaders().getFirst("WorkOS-Signature"),
							exchange.getRequestHeaders().getFirst("Content-Type")));
					exchange.sendResponseHeaders(receiver.status.get(), -1);
					exchange.close();
				});
				server.start();
				return receiver;
			}
			catch (IOException e) {
				throw new IllegalStateException(e);
			}
		}

		String url() {
			return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
		}

		/** The next delivery that matches, skipping others; fails after 10 seconds. */
		Delivery await(Predicate<Delivery> matching) throws InterruptedException {
			long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
			while (System.nanoTime() < deadline) {
				Delivery next = received.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
				if (next != null && matching.test(next)) {
					return next;
				}
			}
			throw new AssertionError("no matching webhook arrived within 10 seconds");
		}

	}

}
