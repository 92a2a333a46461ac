package io.gatehouse;

import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;

import io.gatehouse.settings.GatehouseSettings;
import io.gatehouse.support.GatehouseIntegrationTest;
import io.gatehouse.support.SignedWebhooks;
import io.gatehouse.workos.DirectoryInfo;
import io.gatehouse.workos.WorkOs;
import jakarta.servlet.Filter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Local mode as an attacker on another machine meets it: it does not listen on the network, the emulator answers 404
 * to any client that is not on this machine, and the secrets that used to be published constants are random per
 * install, so a webhook or an API call made with them is refused.
 */
@GatehouseIntegrationTest
class LocalModeExposureIntegrationTests {

	private static final RequestPostProcessor FROM_ANOTHER_MACHINE = request -> {
		request.setRemoteAddr("203.0.113.7");
		return request;
	};

	private static final RequestPostProcessor FROM_THIS_MACHINE = request -> {
		request.setRemoteAddr("127.0.0.1");
		return request;
	};

	@LocalServerPort
	int port;

	@Autowired
	WebApplicationContext context;

	@Autowired
	Environment environment;

	@Autowired
	GatehouseSettings settings;

	@Autowired
	WorkOs workos;

	@Autowired
	JdbcClient jdbc;

	@Test
	void localModeListensOnLoopbackOnly() throws Exception {
		assertThat(InetAddress.getByName(environment.getProperty("server.address")).isLoopbackAddress()).isTrue();
	}

	@Test
	void theOutboxAndTheTestIdpAreNotFoundFromAnotherMachine() throws Exception {
		@SuppressWarnings("unchecked")
		FilterRegistrationBean<Filter> guard = context.getBean("emulatorForLoopbackClientsOnly",
				FilterRegistrationBean.class);
		assertThat(guard.isEnabled()).isTrue();
		MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).addFilters(guard.getFilter()).build();

		mvc.perform(get("/emulator/outbox").with(FROM_ANOTHER_MACHINE)).andExpect(status().isNotFound());
		mvc.perform(get("/emulator/idp").with(FROM_ANOTHER_MACHINE)).andExpect(status().isNotFound());
		mvc.perform(get("/emulator").with(FROM_ANOTHER_MACHINE)).andExpect(status().isNotFound());
		mvc.perform(get("/emulator/sso/authorize").param("client_id", "client_gatehouse_local").with(FROM_ANOTHER_MACHINE))
			.andExpect(status().isNotFound());

		mvc.perform(get(URI.create("/%65mulator/outbox")).with(FROM_ANOTHER_MACHINE)).andExpect(status().isNotFound());
		mvc.perform(get("/emulator/outbox").with(FROM_THIS_MACHINE).header("X-Forwarded-For", "127.0.0.1"))
			.andExpect(status().isNotFound());

		mvc.perform(get("/emulator/outbox").with(FROM_THIS_MACHINE)).andExpect(status().isOk());
		mvc.perform(get("/accounts/login").with(FROM_ANOTHER_MACHINE)).andExpect(status().isOk());
	}

	@Test
	void aPageThatRebindsItsNameToThisMachineIsRefused() throws Exception {
		MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();

		mvc.perform(get("http://rebound.attacker.example/emulator/outbox").with(FROM_THIS_MACHINE))
			.andExpect(status().isBadRequest());
		mvc.perform(get("http://rebound.attacker.example/accounts/password-reset").with(FROM_THIS_MACHINE))
			.andExpect(status().isBadRequest());
		mvc.perform(get("http://localhost/accounts/login").with(FROM_THIS_MACHINE)).andExpect(status().isOk());
		mvc.perform(get("http://127.0.0.1/accounts/login").with(FROM_THIS_MACHINE)).andExpect(status().isOk());
	}

	@Test
	void theSecretsAreRandomNotThePublishedConstants() {
		GatehouseSettings.Local local = settings.local();
		assertThat(local.emulatorApiKey()).startsWith("sk_test_").isNotEqualTo("sk_test_gatehouse_local").hasSize(51);
		assertThat(local.emulatorWebhookSecret()).startsWith("whsec_").isNotEqualTo("whsec_gatehouse_local").hasSize(49);
		assertThat(local.emulatorOktaClientSecret()).isNotEqualTo("okta-local-secret").hasSize(43);
	}

	@Test
	void aWebhookSignedWithTheOldConstantSecretIsRefusedAndChangesNothing() {
		DirectoryInfo acme = workos.directories().stream().filter(d -> d.name().startsWith("Acme")).findFirst().orElseThrow();
		Instant at = Instant.now();
		String forged = SignedWebhooks.event("dsync.user.created", SignedWebhooks.user("directory_user_forged", acme.id(),
				acme.organizationId(), "forged@acme.test", "For", "Ged", "inactive", at), at);

		assertThat(new SignedWebhooks(port, "whsec_gatehouse_local").send(forged)).isEqualTo(401);
		assertThat(jdbc.sql("select count(*) from directory_users where id = 'directory_user_forged'").query(Long.class)
			.single()).isZero();
		assertThat(new SignedWebhooks(port, settings.local().emulatorWebhookSecret()).send(forged))
			.as("the same event signed with this install's secret").isEqualTo(200);
	}

	@Test
	void theEmulatorsApiRefusesTheOldConstantKey() throws Exception {
		DirectoryInfo acme = workos.directories().stream().filter(d -> d.name().startsWith("Acme")).findFirst().orElseThrow();
		URI users = URI.create("http://127.0.0.1:" + port + "/emulator/directory_users?directory=" + acme.id());
		HttpClient http = HttpClient.newHttpClient();

		HttpResponse<String> withTheConstant = http.send(
				HttpRequest.newBuilder(users).header("Authorization", "Bearer sk_test_gatehouse_local").build(),
				HttpResponse.BodyHandlers.ofString());

		assertThat(withTheConstant.statusCode()).isEqualTo(401);
		assertThat(withTheConstant.body()).doesNotContain("@acme.test");
	}

}
