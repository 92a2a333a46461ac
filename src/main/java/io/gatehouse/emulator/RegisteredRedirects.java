package io.gatehouse.emulator;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * The redirect URIs registered for the application, as in the WorkOS dashboard and the Okta app: the emulator sends a
 * browser back only to one of them, compared exactly, so a crafted link cannot use it to bounce people elsewhere.
 * Unless {@code gatehouse.local.emulator-redirect-uris} lists others, they are the running app's own callbacks and its
 * signed-out page, on {@code gatehouse.base-url} or else {@code http://localhost:<port>}.
 */
@Component
@LocalModeOnly
class RegisteredRedirects {

	static final List<String> APP_PATHS = List.of("/accounts/callback/sso", "/accounts/callback/magic",
			"/login/oauth2/code/okta", "/accounts/login?signedOut");

	private final List<String> configured;

	private final @Nullable String appBaseUrl;

	RegisteredRedirects(EmulatorSettings settings, @Value("${gatehouse.base-url:}") @Nullable String appBaseUrl) {
		this.configured = settings.emulatorRedirectUris() == null ? List.of()
				: settings.emulatorRedirectUris().stream().filter(StringUtils::hasText).map(String::trim).toList();
		this.appBaseUrl = StringUtils.hasText(appBaseUrl) ? appBaseUrl.trim().replaceAll("/+$", "") : null;
	}

	/** Whether the emulator may send a browser to this URI. */
	boolean allows(@Nullable String uri, HttpServletRequest request) {
		return uri != null && registered(request).contains(uri);
	}

	List<String> registered(HttpServletRequest request) {
		if (!configured.isEmpty()) {
			return configured;
		}
		String base = appBaseUrl != null ? appBaseUrl : "http://localhost:" + request.getLocalPort();
		return APP_PATHS.stream().map(path -> base + path).toList();
	}

}
