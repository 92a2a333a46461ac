package io.gatehouse.sso;

import io.gatehouse.account.OrganizationRef;
import io.gatehouse.login.SsoLauncher;
import io.gatehouse.settings.PublicUrls;
import io.gatehouse.workos.SsoAuthorization;
import io.gatehouse.workos.SsoRedirect;
import io.gatehouse.workos.WorkOs;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Component;

/** Starts SP-initiated SSO: a fresh state and PKCE verifier, kept server-side, then off to WorkOS. */
@Component
class SsoSignIn implements SsoLauncher {

	static final String CALLBACK_PATH = "/accounts/callback/sso";

	private final WorkOs workos;

	private final PendingSsoLogins pending;

	private final PublicUrls urls;

	SsoSignIn(WorkOs workos, PendingSsoLogins pending, PublicUrls urls) {
		this.workos = workos;
		this.pending = pending;
		this.urls = urls;
	}

	@Override
	public String launch(HttpServletRequest request, OrganizationRef organization, String loginHint, String next) {
		String state = PendingSsoLogins.newState();
		SsoRedirect redirect = workos.authorizationUrl(SsoAuthorization
			.toOrganization(urls.absolute(CALLBACK_PATH), state, organization.workosId(), loginHint));
		pending.remember(request.getSession(), state,
				new PendingSsoLogins.Pending(redirect.codeVerifier(), organization.workosId(), next, loginHint));
		return redirect.url();
	}

}
