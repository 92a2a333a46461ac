package io.gatehouse.sso;

import java.util.Locale;
import java.util.Optional;

import io.gatehouse.account.AccountFacts;
import io.gatehouse.account.Accounts;
import io.gatehouse.account.OrganizationRef;
import io.gatehouse.account.SignedInUser;
import io.gatehouse.login.SafeRedirects;
import io.gatehouse.web.Redirects;
import io.gatehouse.workos.SsoProfile;
import io.gatehouse.workos.WorkOs;
import io.gatehouse.workos.WorkOsException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Where WorkOS sends the browser back. With a {@code state} it finishes the sign-in this session started; without
 * one it is an IdP-initiated sign-in, accepted only for organisations that allow it, landing on its {@code RelayState}
 * if that is a safe path of this app. Such a code can be pushed into anyone's browser (login CSRF), so when the
 * browser is already signed in as someone else, the sign-in is held server-side and the person is asked first
 * ({@link IdpSignInConfirmationController}); nothing is created or linked until they confirm. Every failure ends on a
 * friendly page, with no session and an audit entry.
 */
@Controller
class SsoCallbackController {

	private static final Logger LOG = LoggerFactory.getLogger(SsoCallbackController.class);

	private static final String METHOD = SsoCompletion.METHOD;

	private final PendingSsoLogins pending;

	private final PendingIdpSignIns heldSignIns;

	private final WorkOs workos;

	private final Accounts accounts;

	private final SsoCompletion completion;

	private final FailurePage failures;

	SsoCallbackController(PendingSsoLogins pending, PendingIdpSignIns heldSignIns, WorkOs workos, Accounts accounts,
			SsoCompletion completion, FailurePage failures) {
		this.failures = failures;
		this.pending = pending;
		this.heldSignIns = heldSignIns;
		this.workos = workos;
		this.accounts = accounts;
		this.completion = completion;
	}

	@GetMapping(SsoSignIn.CALLBACK_PATH)
	Object callback(@RequestParam(required = false) @Nullable String code,
			@RequestParam(required = false) @Nullable String state,
			@RequestParam(required = false) @Nullable String error,
			@RequestParam(name = "RelayState", required = false) @Nullable String relayState,
			@AuthenticationPrincipal @Nullable SignedInUser current, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		Optional<PendingSsoLogins.Pending> started = state == null ? Optional.empty()
				: pending.take(request.getSession(false), state);
		String hint = started.map(PendingSsoLogins.Pending::loginHint).orElse(null);
		if (error != null) {
			return fail(error.equals("access_denied") ? SsoFailure.IDP_DENIED : SsoFailure.IDP_ERROR, "idp:" + sanitized(error), hint,
					model, response);
		}
		if (code == null || code.isBlank()) {
			return fail(SsoFailure.MISSING_CODE, null, hint, model, response);
		}
		if (state != null && started.isEmpty()) {
			return fail(SsoFailure.STATE_INVALID, null, null, model, response);
		}
		SsoProfile profile;
		try {
			profile = workos.exchangeCode(code, started.map(PendingSsoLogins.Pending::codeVerifier).orElse(null));
		}
		catch (WorkOsException e) {
			LOG.warn("SSO code exchange failed: {} (WorkOS request {})", e.reason(), e.requestId());
			SsoFailure failure = switch (e.reason()) {
				case REJECTED, NOT_FOUND, UNAUTHORIZED, UNPROCESSABLE -> SsoFailure.CODE_REJECTED;
				case MALFORMED_RESPONSE -> SsoFailure.PROFILE_UNREADABLE;
				case UNREACHABLE, SERVER_ERROR, RATE_LIMITED -> SsoFailure.WORKOS_UNAVAILABLE;
			};
			return fail(failure, e.reason().name().toLowerCase(Locale.ROOT), hint, model, response);
		}
		String organizationId = profile.organizationId();
		if (started.isPresent()
				&& !started.get().target().matches(profile.connectionId(), organizationId, profile.connectionType())) {
			return fail(SsoFailure.ORGANIZATION_MISMATCH, null, profile.email(), model, response);
		}
		if (started.isPresent()) {
			return completion.complete(profile, started.get().next(), request, response, model);
		}
		Optional<OrganizationRef> organization = organizationId == null ? Optional.empty()
				: accounts.organization(organizationId);
		if (organization.isEmpty() || !organization.get().idpInitiatedAllowed()) {
			return fail(SsoFailure.IDP_INITIATED_NOT_ALLOWED, null, profile.email(), model, response);
		}
		String target = SafeRedirects.isSafe(relayState) ? relayState : null;
		if (current == null) {
			return completion.complete(profile, target, request, response, model);
		}
		boolean samePerson = accounts.findForIdentity(SsoCompletion.identity(profile))
			.map(AccountFacts::userId)
			.filter(id -> id == current.userId())
			.isPresent();
		if (samePerson) {
			// Already signed in as this person: nothing to sign in, and the session stays as it is.
			return Redirects.to(SafeRedirects.next(target));
		}
		if (!completion.admits(profile)) {
			return fail(SsoFailure.RULE_MISMATCH, null, profile.email(), model, response);
		}
		if (!heldSignIns.hold(request.getSession(), profile, target)) {
			return fail(SsoFailure.PROFILE_UNREADABLE, "too_large", profile.email(), model, response);
		}
		return Redirects.to(IdpSignInConfirmationController.PATH);
	}

	/** The IdP's error code, as far as it is a code: it comes from the query string and ends up in the audit log. */
	private static String sanitized(String error) {
		String code = error.replaceAll("[^A-Za-z0-9_.-]", "");
		return code.length() > 64 ? code.substring(0, 64) : code;
	}

	private String fail(SsoFailure failure, @Nullable String detail, @Nullable String subject, Model model,
			HttpServletResponse response) {
		return failures.show(METHOD, failure, detail, subject, model, response);
	}

}
