package io.gatehouse.emulator;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import io.gatehouse.settings.GatehouseSettings;
import io.gatehouse.support.GatehouseIntegrationTest;
import io.gatehouse.support.TestBrowser;
import io.gatehouse.support.TestBrowser.Page;
import io.gatehouse.workos.WorkOs;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The emulator stands in for WorkOS and Okta, which send browsers only to an application's registered redirect URIs:
 * a link crafted to bounce a person from the emulator to another site gets an error page, never a redirect.
 */
@GatehouseIntegrationTest
class EmulatorRedirectsIntegrationTests {

	static final String EVIL = "https://evil.example/cb";

	@LocalServerPort
	int port;

	@Autowired
	WorkOs workos;

	@Autowired
	GatehouseSettings settings;

	String emulator(String path) {
		return "http://127.0.0.1:" + port + "/emulator" + path;
	}

	String app(String path) {
		return "http://localhost:" + port + path;
	}

	static String encoded(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	String acme() {
		return workos.organizations().stream().filter(o -> o.name().startsWith("Acme")).findFirst().orElseThrow().id();
	}

	Page authorize(String redirectUri, String responseType) {
		return new TestBrowser(port).get(emulator("/sso/authorize?client_id=" + settings.local().emulatorClientId()
				+ "&redirect_uri=" + encoded(redirectUri) + "&response_type=" + responseType + "&organization=" + acme()
				+ "&state=s1"));
	}

	@Test
	void ssoAuthorizeWhenRedirectUriIsNotRegisteredThenShowsAnErrorPageInsteadOfRedirecting() {
		Page page = authorize(EVIL, "code");

		assertThat(page.status()).isEqualTo(400);
		assertThat(page.body()).contains("Invalid redirect URI");
		assertThat(page.header("Location")).isEmpty();
	}

	@Test
	void ssoAuthorizeWhenAnUnregisteredRedirectUriComesWithAnotherErrorThenStillNeverRedirects() {
		Page page = authorize(EVIL, "token");

		assertThat(page.status()).isEqualTo(400);
		assertThat(page.header("Location")).isEmpty();
	}

	@Test
	void ssoAuthorizeWhenRedirectUriIsTheAppsCallbackThenShowsTheTestIdp() {
		Page page = authorize(app("/accounts/callback/sso"), "code");

		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("Sign in to Acme");
	}

	@Test
	void ssoAuthorizeWhenRedirectUriOnlyStartsLikeTheCallbackThenRefuses() {
		Page page = authorize(app("/accounts/callback/sso") + "/../../evil", "code");

		assertThat(page.status()).isEqualTo(400);
		assertThat(page.header("Location")).isEmpty();
	}

	@Test
	void oidcLogoutWhenPostLogoutRedirectUriIsNotRegisteredThenShowsAnErrorPageInsteadOfRedirecting() {
		Page page = new TestBrowser(port).get(emulator("/oidc/logout?post_logout_redirect_uri=" + encoded(EVIL)));

		assertThat(page.status()).isEqualTo(400);
		assertThat(page.header("Location")).isEmpty();
	}

	@Test
	void oidcLogoutWhenPostLogoutRedirectUriIsTheAppsSignedOutPageThenReturnsThere() {
		Page page = new TestBrowser(port)
			.get(emulator("/oidc/logout?post_logout_redirect_uri=" + encoded(app("/accounts/login?signedOut"))));

		assertThat(page.status()).isEqualTo(302);
		assertThat(page.location()).isEqualTo(app("/accounts/login?signedOut"));
	}

	@Test
	void oidcAuthorizeWhenRedirectUriIsNotRegisteredThenShowsAnErrorPageInsteadOfRedirecting() {
		Page page = new TestBrowser(port).get(emulator("/oidc/authorize?client_id="
				+ settings.local().emulatorOktaClientId() + "&redirect_uri=" + encoded(EVIL)
				+ "&response_type=token&scope=openid&state=s1"));

		assertThat(page.status()).isEqualTo(400);
		assertThat(page.header("Location")).isEmpty();
	}

	@Test
	void passwordlessSessionWhenRedirectUriIsNotRegisteredThenIsRefusedLikeWorkOs() throws Exception {
		HttpResponse<String> answer = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(emulator("/passwordless/sessions")))
				.header("Authorization", "Bearer " + settings.local().emulatorApiKey())
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(
						"{\"email\":\"someone@magic.test\",\"type\":\"MagicLink\",\"redirect_uri\":\"" + EVIL + "\"}"))
				.build(), HttpResponse.BodyHandlers.ofString());

		assertThat(answer.statusCode()).isEqualTo(422);
		assertThat(answer.body()).contains("redirect_uri");
	}

}
