package io.gatehouse.sso;

import java.util.Optional;

import io.gatehouse.account.Accounts;
import io.gatehouse.account.ExternalIdentity;
import io.gatehouse.account.SignInRefused;
import io.gatehouse.account.SignedInUser;
import io.gatehouse.login.SignIns;
import io.gatehouse.web.Redirects;
import io.gatehouse.workos.SsoProfile;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * The end of every SSO sign-in with a verified profile: the rules decide whether it may sign in (and how it is
 * provisioned), the identity is linked or the account created just in time, and the session is established. The
 * callback uses it at once; an IdP-initiated sign-in into a browser signed in as someone else uses it only once the
 * person confirmed.
 */
@Component
class SsoCompletion {

	static final String METHOD = "sso";

	private final Accounts accounts;

	private final SignIns signIns;

	private final SsoProvisioning provisioning;

	private final FailurePage failures;

	SsoCompletion(Accounts accounts, SignIns signIns, SsoProvisioning provisioning, FailurePage failures) {
		this.accounts = accounts;
		this.signIns = signIns;
		this.provisioning = provisioning;
		this.failures = failures;
	}

	static ExternalIdentity identity(SsoProfile profile) {
		return new ExternalIdentity(profile.connectionId(), profile.idpId(), profile.connectionType(),
				profile.organizationId(), profile.email(), profile.firstName(), profile.lastName(),
				profile.rawAttributes());
	}

	/** Whether the rules let this profile sign in at all (nothing is written). */
	boolean admits(SsoProfile profile) {
		return provisioning.decide(identity(profile), profile).isPresent();
	}

	/** Signs the profile's person in and answers the redirect to {@code next}, or the failure page. */
	Object complete(SsoProfile profile, @Nullable String next, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		ExternalIdentity identity = identity(profile);
		Optional<SsoProvisioning.Admission> allowed = provisioning.decide(identity, profile);
		if (allowed.isEmpty()) {
			return failures.show(METHOD, SsoFailure.RULE_MISMATCH, null, profile.email(), model, response);
		}
		SignedInUser user;
		try {
			user = accounts.signIn(identity, allowed.get().provisioning());
		}
		catch (SignInRefused e) {
			return failures.show(METHOD, SsoFailure.valueOf(e.reason().name()), null, profile.email(), model, response);
		}
		return Redirects.to(
				signIns.succeed(request, response, user, METHOD, profile.connectionId(), allowed.get().ruleName(), next));
	}

}
