package io.gatehouse.settings;

import java.net.URI;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The URLs that depend on where the app runs: its public base URL (for redirect URIs) and, in local mode, the
 * embedded emulator's URL. Both follow the real port, so tests on a random port work like a normal start.
 */
@Component
public class PublicUrls {

	private final GatehouseSettings settings;

	private volatile int port = 8080;

	PublicUrls(GatehouseSettings settings) {
		this.settings = settings;
	}

	@EventListener
	void on(WebServerInitializedEvent event) {
		if (event.getApplicationContext().getServerNamespace() == null) {
			this.port = event.getWebServer().getPort();
		}
	}

	/** The public base URL, without a trailing slash. */
	public URI baseUrl() {
		URI configured = settings.baseUrl();
		return configured != null ? configured : URI.create("http://localhost:" + port);
	}

	/** An absolute URL for a path of this app, e.g. {@code /accounts/callback/sso}. */
	public String absolute(String path) {
		return UriComponentsBuilder.fromUri(baseUrl()).path(path).build().toUriString();
	}

	/**
	 * Where the WorkOS SDK sends requests: the override if set, the embedded emulator in local mode, otherwise
	 * {@code null} for the SDK's default (the real WorkOS API).
	 */
	public @Nullable URI workosApiBaseUrl() {
		URI override = settings.workos().apiBaseUrl();
		if (override != null) {
			return override;
		}
		return settings.localMode() ? URI.create("http://127.0.0.1:" + port + "/emulator") : null;
	}

}
