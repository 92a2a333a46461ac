package io.gatehouse.sso;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.Map;
import java.util.UUID;

import interop.sas.StandInOkta;
import io.gatehouse.GatehouseApplication;
import io.gatehouse.rules.JitMode;
import io.gatehouse.rules.LoginMethod;
import io.gatehouse.rules.LoginRules;
import io.gatehouse.rules.RuleDraft;
import io.gatehouse.support.SsoJourney;
import io.gatehouse.support.TestBrowser;
import io.gatehouse.support.TestBrowser.Page;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * OIDC against an independent, real OpenID provider: Spring Authorization Server, started here on a random port as a
 * stand-in Okta. Gatehouse discovers it from {@code OKTA_ISSUER} and signs a person in through its login form.
 */
class OidcInteropIntegrationTests {

	@Test
	void signsInThroughSpringAuthorizationServerAsOkta() throws IOException {
		int appPort = freePort();
		try (ConfigurableApplicationContext okta = new SpringApplicationBuilder(StandInOkta.class).run("--server.port=0",
				"--spring.main.banner-mode=off", "--interop.redirect-uri=http://localhost:" + appPort + "/login/oauth2/code/okta",
				"--spring.datasource.url=jdbc:h2:mem:sas-" + UUID.randomUUID(), "--spring.flyway.enabled=false",
				"--spring.session.jdbc.initialize-schema=always");
				ConfigurableApplicationContext app = new SpringApplicationBuilder(GatehouseApplication.class).run(
						"--server.port=" + appPort, "--spring.profiles.active=test", "--spring.main.banner-mode=off",
						"--gatehouse.okta.issuer=http://127.0.0.1:" + port(okta),
						"--gatehouse.okta.client-id=" + StandInOkta.CLIENT_ID,
						"--gatehouse.okta.client-secret=" + StandInOkta.CLIENT_SECRET)) {
			assertThat(app.getBean(LoginRules.class).save(null, RuleDraft.of("Interop via OIDC", LoginMethod.OIDC, 5, true,
					"@interop\\.test$", null, null, null, JitMode.MATCHING_PATTERN, null, null, false, null, false), "test")
				.saved()).isTrue();
			TestBrowser browser = new TestBrowser(appPort);

			Page toOkta = browser.get(new SsoJourney(browser).identify(StandInOkta.USER, "").location());
			assertThat(toOkta.location()).startsWith("http://127.0.0.1:" + port(okta) + "/oauth2/authorize?");
			Page loginForm = browser.get(browser.get(toOkta.location()).location());
			assertThat(loginForm.body()).contains("password");
			Page afterLogin = browser.submit(loginForm, loginForm.uri().toString(),
					Map.of("username", StandInOkta.USER, "password", StandInOkta.PASSWORD));
			Page back = browser.get(afterLogin.location());
			assertThat(back.location()).startsWith("http://localhost:" + appPort + "/login/oauth2/code/okta?code=");
			Page done = browser.get(back.location());

			assertThat(done.location()).isEqualTo("http://localhost:" + appPort + "/account");
			Page account = browser.get("/account");
			assertThat(account.find("id=\"profile-email\">([^<]+)")).contains(StandInOkta.USER);
			assertThat(account.body()).contains("OIDC").contains("http://127.0.0.1:" + port(okta));
		}
	}

	private static int port(ConfigurableApplicationContext context) {
		return ((WebServerApplicationContext) context).getWebServer().getPort();
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
