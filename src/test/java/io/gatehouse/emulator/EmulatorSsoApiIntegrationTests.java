package io.gatehouse.emulator;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import io.gatehouse.settings.GatehouseSettings;
import io.gatehouse.support.GatehouseIntegrationTest;
import io.gatehouse.support.QueryParams;
import io.gatehouse.support.SsoJourney;
import io.gatehouse.support.TestBrowser;
import io.gatehouse.workos.SsoConnection;
import io.gatehouse.workos.WorkOs;
import io.gatehouse.workos.WorkOsOrganization;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The emulated WorkOS API as clients see it: through the real SDK (our facade), and over raw HTTP for what the SDK
 * never sends (form-encoded token requests, wrong credentials).
 */
@GatehouseIntegrationTest
class EmulatorSsoApiIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	GatehouseSettings settings;

	@Autowired
	WorkOs workos;

	final HttpClient http = HttpClient.newHttpClient();

	final JsonMapper json = JsonMapper.builder().build();

	@Test
	void sdkListsTheDemoConnectionsAndOrganisations() {
		List<SsoConnection> connections = workos.connections();
		List<WorkOsOrganization> organizations = workos.organizations();

		assertThat(connections).extracting(SsoConnection::type).containsExactlyInAnyOrder("OktaSAML", "AzureSAML", "GoogleOAuth",
				"MicrosoftOAuth", "MagicLink", "OktaOIDC");
		assertThat(connections).allMatch(SsoConnection::active);
		assertThat(connections).flatExtracting(SsoConnection::domains).contains("acme.test", "globex.test");
		assertThat(organizations).extracting(WorkOsOrganization::name).containsExactlyInAnyOrder("Acme", "Globex");
	}

	@Test
	void listsArePagedWithCursorsAndEndWithANullAfter() throws Exception {
		JsonNode first = getJson("/connections?limit=3&order=asc", settings.local().emulatorApiKey()).body;
		assertThat(first.get("data")).hasSize(3);
		String after = first.get("list_metadata").get("after").asString();

		JsonNode second = getJson("/connections?limit=3&order=asc&after=" + after, settings.local().emulatorApiKey()).body;
		assertThat(second.get("data")).hasSize(3);
		assertThat(second.get("data").get(0).get("id").asString()).isNotEqualTo(first.get("data").get(0).get("id").asString());
		assertThat(second.get("list_metadata").get("after").isNull()).isTrue();
		assertThat(getJson("/connections?limit=101", settings.local().emulatorApiKey()).status).isEqualTo(422);
	}

	@Test
	void apiWhenApiKeyIsMissingOrWrongThenAnswers401WithARequestId() throws Exception {
		Answer missing = getJson("/connections", null);
		Answer wrong = getJson("/organizations", "sk_test_wrong");

		assertThat(missing.status).isEqualTo(401);
		assertThat(wrong.status).isEqualTo(401);
		assertThat(wrong.body.get("message").asString()).isEqualTo("Unauthorized");
		assertThat(wrong.requestId).isNotBlank();
	}

	@Test
	void unknownConnectionIsA404InWorkOsShape() throws Exception {
		Answer answer = getJson("/connections/conn_missing", settings.local().emulatorApiKey());

		assertThat(answer.status).isEqualTo(404);
		assertThat(answer.body.get("code").asString()).isEqualTo("entity_not_found");
	}

	@Test
	void tokenWhenPostedAsAFormWithThePkceVerifierMismatchThenInvalidGrantAndTheCodeSurvives() throws Exception {
		String code = codeFor("leslie.lamport@acme.test");

		Answer wrongVerifier = postForm("/sso/token", "grant_type=authorization_code&client_id=client_gatehouse_local&code="
				+ code + "&code_verifier=not-the-verifier");
		assertThat(wrongVerifier.status).isEqualTo(400);
		assertThat(wrongVerifier.body.get("error").asString()).isEqualTo("invalid_grant");

		Answer secretInsteadOfVerifier = postForm("/sso/token",
				"grant_type=authorization_code&client_id=client_gatehouse_local&client_secret=" + settings.local().emulatorApiKey() + "&code=" + code);
		assertThat(secretInsteadOfVerifier.status).as("a PKCE code needs its verifier").isEqualTo(400);
	}

	@Test
	void tokenWhenGrantTypeOrClientIsWrongThenOAuthStyleErrors() throws Exception {
		assertThat(postForm("/sso/token", "grant_type=password&code=x").body.get("error").asString())
			.isEqualTo("unsupported_grant_type");
		String code = codeFor("adele.goldberg@acme.test");
		Answer wrongClient = postForm("/sso/token",
				"grant_type=authorization_code&client_id=client_other&client_secret=" + settings.local().emulatorApiKey() + "&code=" + code);
		assertThat(wrongClient.status).isEqualTo(400);
		assertThat(wrongClient.body.get("error").asString()).isEqualTo("invalid_client");
	}

	@Test
	void profileWhenAccessTokenIsUnknownThen401() throws Exception {
		assertThat(getJson("/sso/profile", "ssoat_unknown").status).isEqualTo(401);
	}

	@Test
	void authorizeWhenClientIsUnknownThenShowsAProblemInsteadOfRedirecting() {
		TestBrowser.Page page = new TestBrowser(port).get(base()
				+ "/sso/authorize?client_id=client_evil&redirect_uri=https%3A%2F%2Fevil.example%2Fcb&response_type=code&organization=org_x");

		assertThat(page.status()).isEqualTo(400);
		assertThat(page.body()).contains("Unknown application");
		assertThat(page.header("Location")).isEmpty();
	}

	@Test
	void authorizeWhenOrganisationHasNoConnectionThenRedirectsBackWithWorkOsError() {
		TestBrowser.Page answer = new TestBrowser(port).get(base()
				+ "/sso/authorize?client_id=client_gatehouse_local&redirect_uri=http%3A%2F%2Flocalhost%3A" + port
				+ "%2Faccounts%2Fcallback%2Fsso&response_type=code&organization=org_missing&state=s1");

		assertThat(answer.status()).isEqualTo(302);
		assertThat(answer.locationParam("error")).contains("organization_invalid");
		assertThat(answer.locationParam("state")).contains("s1");
	}

	/** Signs in through the test IdP far enough to get a code, without letting the app exchange it. */
	private String codeFor(String email) {
		TestBrowser browser = new TestBrowser(port);
		SsoJourney sso = new SsoJourney(browser);
		TestBrowser.Page back = sso.choose(sso.testIdp(sso.identify(email, "")), email);
		return QueryParams.of(back.location()).get("code").orElseThrow();
	}

	record Answer(int status, JsonNode body, String requestId) {
	}

	private Answer getJson(String path, String apiKey) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path)).GET();
		if (apiKey != null) {
			request.header("Authorization", "Bearer " + apiKey);
		}
		return answer(http.send(request.build(), HttpResponse.BodyHandlers.ofString()));
	}

	private Answer postForm(String path, String form) throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(URI.create(base() + path))
			.header("Authorization", "Bearer " + settings.local().emulatorApiKey())
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build();
		return answer(http.send(request, HttpResponse.BodyHandlers.ofString()));
	}

	private Answer answer(HttpResponse<String> response) {
		return new Answer(response.statusCode(), json.readTree(response.body()),
				response.headers().firstValue("X-Request-ID").orElse(""));
	}

	private String base() {
		return "http://127.0.0.1:" + port + "/emulator";
	}


}
