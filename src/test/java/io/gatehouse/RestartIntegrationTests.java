package io.gatehouse;

import java.nio.file.Files;
import java.nio.file.Path;

import io.gatehouse.settings.GatehouseSettings;
import io.gatehouse.support.SsoJourney;
import io.gatehouse.support.TestBrowser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Local mode as a person runs it, on H2 files: what was there before a restart (the signed-in session, the account,
 * the emulator's organisations, local mode's random secrets) is there after it.
 */
class RestartIntegrationTests {

	@TempDir
	Path data;

	@Test
	void afterARestartTheSessionAndTheAccountAreStillThere() {
		TestBrowser browser;
		int port;
		GatehouseSettings.Local secrets;
		try (ConfigurableApplicationContext first = start(0)) {
			port = ((WebServerApplicationContext) first).getWebServer().getPort();
			secrets = first.getBean(GatehouseSettings.class).local();
			browser = new TestBrowser(port);
			assertThat(new SsoJourney(browser).signIn("ada.lovelace@acme.test", "").location()).endsWith("/account");
		}
		assertThat(Files.exists(data.resolve("gatehouse.mv.db"))).isTrue();
		assertThat(Files.exists(data.resolve("emulator.mv.db"))).isTrue();

		try (ConfigurableApplicationContext second = start(port)) {
			GatehouseSettings.Local again = second.getBean(GatehouseSettings.class).local();
			assertThat(again.emulatorApiKey()).as("local mode's random secrets are kept").isEqualTo(secrets.emulatorApiKey());
			assertThat(again.emulatorWebhookSecret()).isEqualTo(secrets.emulatorWebhookSecret());
			assertThat(again.emulatorOktaClientSecret()).isEqualTo(secrets.emulatorOktaClientSecret());
			TestBrowser.Page account = browser.get("/account");
			assertThat(account.status()).isEqualTo(200);
			assertThat(account.find("id=\"profile-email\">([^<]+)")).contains("ada.lovelace@acme.test");

			TestBrowser someoneElse = new TestBrowser(port);
			assertThat(new SsoJourney(someoneElse).signIn("grace.hopper@acme.test", "").location()).endsWith("/account");
		}
	}

	private ConfigurableApplicationContext start(int port) {
		return new SpringApplicationBuilder(GatehouseApplication.class).run("--server.port=" + port,
				"--GATEHOUSE_DATA_DIR=" + data, "--gatehouse.workos.max-retries=0", "--spring.main.banner-mode=off");
	}

}
