package io.gatehouse.login;

import io.gatehouse.account.OrganizationRef;
import jakarta.servlet.http.HttpServletRequest;

/** Sends a person to their organisation's identity provider. Implemented by the {@code sso} module. */
public interface SsoLauncher {

	/**
	 * Prepares an SSO sign-in bound to this browser session.
	 * @param loginHint the email the person typed
	 * @param next where to land afterwards (already checked by {@link SafeRedirects})
	 * @return the URL to redirect the browser to
	 */
	String launch(HttpServletRequest request, OrganizationRef organization, String loginHint, String next);

}
