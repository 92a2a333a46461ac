package io.gatehouse;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

import io.gatehouse.account.Accounts;
import io.gatehouse.rules.LoginRules;
import io.gatehouse.settings.StartupRefused;
import io.gatehouse.support.SignedInAs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What local mode leaves behind must not outlive it: the generated administrator's password reaches a file only its
 * owner reads, never the log; the app is not ready before its seeding is done; and connected mode refuses a database
 * that holds local mode's demo data (or removes it on request), and a {@code GATEHOUSE_ADMIN_EMAIL} naming someone
 * other than the administrators. On H2 files, as a person runs it.
 */
@ExtendWith(OutputCaptureExtension.class)
class LocalModeLeftoversIntegrationTests {

	@TempDir
	Path data;

	@Test
	void localModeLeavesNothingConnectedModeWouldRunOn(CapturedOutput output) throws Exception {
		ReadinessProbe probe = new ReadinessProbe();
		String adminPassword;
		try (ConfigurableApplicationContext local = start(new SpringApplicationBuilder(GatehouseApplication.class)
			.listeners(probe))) {
			assertThat(probe.answers).as("health and readiness while the demo data is being seeded")
				.containsExactly("/actuator/health 503", "/actuator/health/readiness 503");
			int port = ((WebServerApplicationContext) local).getWebServer().getPort();
			assertThat(get(port, "/actuator/health/readiness")).isEqualTo(200);

			Path file = data.resolve("local-admin-password.txt");
			assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
			List<String> lines = Files.readAllLines(file);
			assertThat(lines.get(0)).isEqualTo("admin@gatehouse.test");
			adminPassword = lines.get(1);
			assertThat(adminPassword).hasSizeGreaterThanOrEqualTo(20);
			assertThat(SignedInAs.password(port, "admin@gatehouse.test", adminPassword).get("/admin/rules").status())
				.isEqualTo(200);
			assertThat(output.getAll()).contains(file.toString()).doesNotContain(adminPassword);
			assertThat(local.getBean(LoginRules.class).demoRules()).extracting(r -> r.name())
				.contains("Everyone else: password");
		}

		assertThatThrownBy(() -> startConnected())
			.as("connected mode on local mode's database, without the removal setting")
			.isInstanceOf(StartupRefused.class)
			.hasMessageContaining("demo.user@example.test")
			.hasMessageContaining("admin@gatehouse.test")
			.hasMessageContaining("GATEHOUSE_REMOVE_DEMO_DATA=true");

		try (ConfigurableApplicationContext connected = startConnected("--gatehouse.remove-demo-data=true",
				"--gatehouse.admin.email=ops@connected.example", "--gatehouse.admin.password=the-real-admin-password")) {
			Accounts accounts = connected.getBean(Accounts.class);
			assertThat(accounts.findForLogin("demo.user@example.test", true, false)).isEmpty();
			assertThat(accounts.findForLogin("admin@gatehouse.test", true, false)).isEmpty();
			assertThat(accounts.adminEmails()).containsExactly("ops@connected.example");
			assertThat(connected.getBean(LoginRules.class).list()).extracting(r -> r.name())
				.containsExactly("Administrators");
			JdbcClient jdbc = connected.getBean(JdbcClient.class);
			assertThat(jdbc.sql("select count(*) from organizations").query(Long.class).single()).isZero();
			assertThat(jdbc.sql("select detail from audit_events where type = 'demo_data.removed'").query(String.class).single())
				.contains("admin@gatehouse.test").contains("demo.user@example.test");
		}

		assertThatThrownBy(() -> startConnected("--gatehouse.admin.email=someone.else@connected.example",
				"--gatehouse.admin.password=another-admin-password"))
			.as("GATEHOUSE_ADMIN_EMAIL naming someone who is not the administrator")
			.isInstanceOf(StartupRefused.class)
			.hasMessageStartingWith("GATEHOUSE_ADMIN_EMAIL names someone.else@connected.example, but the administrators"
					+ " are ops@connected.example");
	}

	private ConfigurableApplicationContext start(SpringApplicationBuilder builder, String... more) {
		List<String> args = new ArrayList<>(List.of("--server.port=0", "--GATEHOUSE_DATA_DIR=" + data,
				"--gatehouse.workos.max-retries=0", "--spring.main.banner-mode=off"));
		args.addAll(List.of(more));
		return builder.run(args.toArray(String[]::new));
	}

	private ConfigurableApplicationContext startConnected(String... more) {
		List<String> args = new ArrayList<>(List.of("--WORKOS_API_KEY=sk_test_connected", "--WORKOS_CLIENT_ID=client_connected",
				"--WORKOS_API_BASE_URL=http://127.0.0.1:1"));
		args.addAll(List.of(more));
		return start(new SpringApplicationBuilder(GatehouseApplication.class), args.toArray(String[]::new));
	}

	private static int get(int port, String path) throws Exception {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
					HttpResponse.BodyHandlers.discarding())
			.statusCode();
	}

	/** Asks for health over HTTP between the organisation import (order 10) and the demo seeding (order 20). */
	static class ReadinessProbe implements ApplicationListener<ApplicationReadyEvent>, Ordered {

		final List<String> answers = new ArrayList<>();

		@Override
		public void onApplicationEvent(ApplicationReadyEvent event) {
			int port = ((WebServerApplicationContext) event.getApplicationContext()).getWebServer().getPort();
			for (String path : List.of("/actuator/health", "/actuator/health/readiness")) {
				try {
					answers.add(path + " " + get(port, path));
				}
				catch (Exception e) {
					answers.add(path + " " + e);
				}
			}
		}

		@Override
		public int getOrder() {
			return 15;
		}

	}

}
