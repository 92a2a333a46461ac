package io.gatehouse.sso;

import io.gatehouse.login.SsoLauncher;
import io.gatehouse.login.SsoTarget;
import io.gatehouse.settings.PublicUrls;
import io.gatehouse.workos.SsoAuthorization;
import io.gatehouse.workos.SsoRedirect;
import io.gatehouse.workos.WorkOs;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Component;

/** Starts SP-initiated SSO or OAuth: a fresh state and PKCE verifier, kept server-side, then off to WorkOS. */
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
	public String launch(HttpServletRequest request, SsoTarget target, String loginHint, String next) {
		String state = PendingSsoLogins.newState();
		SsoRedirect redirect = workos.authorizationUrl(new SsoAuthorization(urls.absolute(CALLBACK_PATH), state,
				target.connectionId(), target.organizationId(), target.provider(), loginHint.contains("@") ? loginHint : null,
				null));
		pending.remember(request.getSession(), state,
				new PendingSsoLogins.Pending(redirect.codeVerifier(), target, next, loginHint));
		return redirect.url();
	}

}
