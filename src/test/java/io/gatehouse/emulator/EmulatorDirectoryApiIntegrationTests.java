package io.gatehouse.emulator;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.gatehouse.settings.GatehouseSettings;
import io.gatehouse.support.GatehouseIntegrationTest;
import io.gatehouse.workos.DirectoryInfo;
import io.gatehouse.workos.DirectoryPerson;
import io.gatehouse.workos.WorkOs;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** The emulated Directory Sync API through the real SDK, and its pagination and rate limit over raw HTTP. */
@GatehouseIntegrationTest
class EmulatorDirectoryApiIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	GatehouseSettings settings;

	@Autowired
	WorkOs workos;

	final HttpClient http = HttpClient.newHttpClient();

	final JsonMapper json = JsonMapper.builder().build();

	@Test
	void theDemoDirectoriesHoldTheTestIdpPeoplePlusMoreWithTheirGroups() {
		List<DirectoryInfo> directories = workos.directories();
		assertThat(directories).extracting(DirectoryInfo::name).containsExactlyInAnyOrder("Acme directory", "Globex directory");
		DirectoryInfo acme = directories.stream().filter(d -> d.name().startsWith("Acme")).findFirst().orElseThrow();
		assertThat(acme.type()).isEqualTo("okta scim v2.0");

		List<DirectoryPerson> people = new ArrayList<>();
		String after = null;
		do {
			io.gatehouse.workos.DirectoryUsersPage page = workos.directoryUsers(acme.id(), after);
			people.addAll(page.users());
			after = page.after();
		}
		while (after != null);

		assertThat(people).hasSize(50);
		DirectoryPerson ada = people.stream().filter(p -> "ada.lovelace@acme.test".equals(p.email())).findFirst().orElseThrow();
		assertThat(ada.groups()).extracting(io.gatehouse.workos.DirectoryTeam::name).containsExactlyInAnyOrder("Engineering", "Admins");
		assertThat(ada.customAttributes()).containsEntry("department", "Engineering");
		assertThat(ada.state()).isEqualTo("active");
	}

	@Test
	void cursorsWalkEveryUserOnceAndTheLastPageEndsWithANullAfter() throws Exception {
		String directory = workos.directories().get(0).id();
		Set<String> seen = new HashSet<>();
		String after = null;
		int pages = 0;
		do {
			JsonNode page = get("/directory_users?directory=" + directory + "&limit=7&order=asc"
					+ (after == null ? "" : "&after=" + after));
			page.get("data").forEach(user -> assertThat(seen.add(user.get("id").asString())).isTrue());
			JsonNode next = page.get("list_metadata").get("after");
			after = next.isNull() ? null : next.asString();
			pages++;
		}
		while (after != null);

		assertThat(pages).isEqualTo((seen.size() + 6) / 7);
		assertThat(seen.size()).isGreaterThanOrEqualTo(28);
	}

	@Test
	void listingUsersTooFastIsRateLimitedWithAShortRetryAfter() throws Exception {
		String directory = workos.directories().get(1).id();
		int limited = 0;
		String retryAfter = null;
		for (int i = 0; i < 10; i++) {
			HttpResponse<String> answer = send("/directory_users?directory=" + directory + "&limit=1");
			if (answer.statusCode() == 429) {
				limited++;
				retryAfter = answer.headers().firstValue("Retry-After").orElse(null);
			}
		}
		assertThat(limited).isGreaterThan(0);
		assertThat(retryAfter).isEqualTo("1");
	}

	@Test
	void usersNeedADirectoryOrAGroup() throws Exception {
		assertThat(send("/directory_users?limit=5").statusCode()).isEqualTo(422);
	}

	/** Like a well-behaved client: on 429, waits as long as Retry-After says, then asks again (a few times at most). */
	private JsonNode get(String path) throws Exception {
		HttpResponse<String> answer = send(path);
		for (int tries = 0; answer.statusCode() == 429 && tries < 5; tries++) {
			Thread.sleep(1000L * Long.parseLong(answer.headers().firstValue("Retry-After").orElse("1")));
			answer = send(path);
		}
		assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
		return json.readTree(answer.body());
	}

	private HttpResponse<String> send(String path) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/emulator" + path))
			.header("Authorization", "Bearer " + settings.local().emulatorApiKey())
			.build(), HttpResponse.BodyHandlers.ofString());
	}

}
