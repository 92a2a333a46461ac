package io.gatehouse.config;

import java.net.URI;
import java.util.LinkedHashSet;
import java.util.Set;

import io.gatehouse.settings.GatehouseSettings;
import io.gatehouse.settings.PublicUrls;
import org.jspecify.annotations.Nullable;

/**
 * The Content-Security-Policy of every page. Scripts, styles and images come from Gatehouse only, and
 * {@code form-action} lets forms post only to their own origin; Chromium also checks each redirect that follows a
 * form's POST against that list, so it names the origins those redirects go to: WorkOS (the emulator in local mode;
 * in connected mode its API and its Admin Portal), the Okta issuer when direct OIDC is configured, and Gatehouse's own
 * public URL. The emulator's pages stand in for WorkOS and the IdP: their forms post to the emulator and redirect back
 * to the app. Built per request, because in local mode the origins follow the real port.
 */
final class ContentSecurityPolicy {

	static final String BASE = "default-src 'self'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self' data:; object-src 'none'; base-uri 'self'; frame-ancestors 'none'";

	static final String WORKOS_API = "https://api.workos.com";

	static final String WORKOS_ADMIN_PORTAL = "https://setup.workos.com";

	private final PublicUrls urls;

	private final GatehouseSettings settings;

	ContentSecurityPolicy(PublicUrls urls, GatehouseSettings settings) {
		this.urls = urls;
		this.settings = settings;
	}

	/** The policy of the app's pages. */
	String app() {
		Set<String> sources = new LinkedHashSet<>();
		sources.add("'self'");
		URI workos = urls.workosApiBaseUrl();
		sources.add(workos != null ? origin(workos) : WORKOS_API);
		if (!settings.localMode()) {
			sources.add(WORKOS_ADMIN_PORTAL);
		}
		if (settings.okta().configured()) {
			sources.add(origin(settings.okta().issuer()));
		}
		sources.add(origin(urls.baseUrl()));
		return BASE + "; form-action " + String.join(" ", sources);
	}

	/** The policy of the emulator's pages (local mode only). */
	String emulator() {
		Set<String> sources = new LinkedHashSet<>();
		sources.add("'self'");
		sources.add(origin(urls.baseUrl()));
		return BASE + "; form-action " + String.join(" ", sources);
	}

	/** {@code scheme://host[:port]}, the port only when it is not the scheme's default. */
	static String origin(@Nullable URI uri) {
		if (uri == null || uri.getScheme() == null || uri.getHost() == null) {
			return "'self'";
		}
		String scheme = uri.getScheme().toLowerCase(java.util.Locale.ROOT);
		int port = uri.getPort();
		boolean defaultPort = port == -1 || (scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443);
		return scheme + "://" + uri.getHost().toLowerCase(java.util.Locale.ROOT) + (defaultPort ? "" : ":" + port);
	}

}
