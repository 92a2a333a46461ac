package io.gatehouse.directory;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.gatehouse.support.GatehouseIntegrationTest;
import io.gatehouse.workos.DirectoryInfo;
import io.gatehouse.workos.WorkOs;
import io.gatehouse.workos.WorkOsException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * WorkOS failing in the middle of a full sync: what was synced stays, the cursor is kept, and the next sync goes on
 * from it and ends with the mirror equal to the source. The SDK reaches the emulator through a small proxy that can
 * be told to fail.
 */
@GatehouseIntegrationTest
@TestPropertySource(properties = { "spring.application.name=gatehouse-resumable-sync-tests",
		"gatehouse.local.emulator-directory-extra-users=330", "gatehouse.local.emulator-directory-rate-limit=0",
		"gatehouse.directory.requests-per-second=0" })
class ResumableSyncIntegrationTests {

	static final FlakyProxy proxy = FlakyProxy.start();

	@DynamicPropertySource
	static void workosThroughTheProxy(DynamicPropertyRegistry registry) {
		registry.add("gatehouse.workos.api-base-url", () -> "http://127.0.0.1:" + proxy.port() + "/emulator");
	}

	@LocalServerPort
	int port;

	@Autowired
	FullSync sync;

	@Autowired
	WorkOs workos;

	@Autowired
	JdbcClient jdbc;

	@AfterAll
	static void stopProxy() {
		proxy.server.stop(0);
	}

	@Test
	void aSyncThatFailsHalfwayGoesOnFromItsCursorAndLosesNothing() {
		proxy.target = "http://127.0.0.1:" + port;
		proxy.failUsersAfter.set(2);

		assertThatThrownBy(sync::syncAll).isInstanceOf(WorkOsException.class);

		DirectoryInfo failed = workos.directories().get(0);
		String cursor = jdbc.sql("select sync_cursor from directories where id = ?").param(failed.id()).query(String.class).single();
		assertThat(cursor).isNotNull();
		assertThat(jdbc.sql("select synced_users from directories where id = ?").param(failed.id()).query(Integer.class).single())
			.isEqualTo(200);
		assertThat(jdbc.sql("select last_error from directories where id = ?").param(failed.id()).query(String.class).single())
			.contains("goes on from there");

		proxy.failUsersAfter.set(Integer.MAX_VALUE);
		proxy.requests.clear();
		assertThat(sync.syncAll()).isGreaterThan(0);

		String firstUsersRequest = proxy.requests.stream().filter(r -> r.contains("/directory_users")).findFirst().orElseThrow();
		assertThat(firstUsersRequest).contains("after=" + cursor);
		for (DirectoryInfo directory : workos.directories()) {
			assertThat(DirectorySync.mirrorOf(jdbc, directory.id())).as(directory.name())
				.isEqualTo(DirectorySync.sourceOf(workos, directory.id()));
		}
		assertThat(jdbc.sql("select count(*) from directories where sync_cursor is not null or last_error is not null")
			.query(Long.class).single()).isZero();
	}

	/** Forwards GETs to the app's emulator; after a given number of user listings it answers 500. */
	static final class FlakyProxy {

		final HttpServer server;

		final AtomicInteger failUsersAfter = new AtomicInteger(Integer.MAX_VALUE);

		final List<String> requests = new CopyOnWriteArrayList<>();

		volatile String target = "";

		private final HttpClient http = HttpClient.newHttpClient();

		private FlakyProxy(HttpServer server) {
			this.server = server;
		}

		static FlakyProxy start() {
			try {
				HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
				FlakyProxy proxy = new FlakyProxy(server);
				server.createContext("/", proxy::forward);
				server.start();
				return proxy;
			}
			catch (IOException e) {
				throw new IllegalStateException(e);
			}
		}

		int port() {
			return server.getAddress().getPort();
		}

		private void forward(HttpExchange exchange) throws IOException {
			String path = exchange.getRequestURI().toString();
			requests.add(path);
			try (exchange) {
				if (path.contains("/directory_users") && failUsersAfter.getAndDecrement() <= 0) {
					byte[] body = "{\"message\":\"Internal error\"}".getBytes();
					exchange.sendResponseHeaders(500, body.length);
					exchange.getResponseBody().write(body);
					return;
				}
				HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(target + path)).GET();
				exchange.getRequestHeaders().forEach((name, values) -> {
					if (name.equalsIgnoreCase("Authorization") || name.equalsIgnoreCase("Accept")) {
						values.forEach(v -> request.header(name, v));
					}
				});
				HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
				exchange.getResponseHeaders().add("Content-Type", "application/json");
				exchange.sendResponseHeaders(response.statusCode(), response.body().length);
				exchange.getResponseBody().write(response.body());
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
		}

	}

}
