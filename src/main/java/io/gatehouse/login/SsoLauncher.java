package io.gatehouse.login;

import jakarta.servlet.http.HttpServletRequest;

/** Sends a person to sign in through WorkOS (SSO or OAuth). Implemented by the {@code sso} module. */
public interface SsoLauncher {

	/**
	 * Prepares a sign-in bound to this browser session.
	 * @param loginHint what the person typed
	 * @param next where to land afterwards (already checked by {@link SafeRedirects})
	 * @return the URL to redirect the browser to
	 */
	String launch(HttpServletRequest request, SsoTarget target, String loginHint, String next);

}
