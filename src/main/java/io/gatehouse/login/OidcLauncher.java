package io.gatehouse.login;

import jakarta.servlet.http.HttpServletRequest;

/** Sends a person to the direct OpenID Connect provider (Okta). Implemented by the {@code sso} module. */
public interface OidcLauncher {

	/** Whether an OIDC provider is configured (or, in local mode, emulated). */
	boolean available();

	/** Remembers where to land, and returns where to send the browser. */
	String launch(HttpServletRequest request, String loginHint, String next);

}
