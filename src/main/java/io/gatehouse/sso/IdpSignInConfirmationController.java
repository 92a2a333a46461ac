package io.gatehouse.sso;

import java.util.Optional;

import io.gatehouse.account.SignedInUser;
import io.gatehouse.login.SafeRedirects;
import io.gatehouse.login.SignIns;
import io.gatehouse.workos.SsoProfile;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * "You are signed in as A: continue as B?" for an IdP-initiated sign-in that arrived in a browser signed in as
 * someone else. The held sign-in never leaves the server: the page shows who it is for, and its form carries only the
 * CSRF token and the choice. Continuing signs B in (creating or linking their account only now); staying discards it
 * and keeps A, and is audited as a refused sign-in.
 */
@Controller
class IdpSignInConfirmationController {

	static final String PATH = SsoSignIn.CALLBACK_PATH + "/confirm";

	static final String VIEW = "sso/idp-confirm";

	static final String CONTINUE = "continue";

	private final PendingIdpSignIns held;

	private final SsoCompletion completion;

	private final SignIns signIns;

	private final FailurePage failures;

	IdpSignInConfirmationController(PendingIdpSignIns held, SsoCompletion completion, SignIns signIns,
			FailurePage failures) {
		this.held = held;
		this.completion = completion;
		this.signIns = signIns;
		this.failures = failures;
	}

	@GetMapping(PATH)
	String confirm(@AuthenticationPrincipal @Nullable SignedInUser current, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		Optional<PendingIdpSignIns.Held> pending = held.peek(request.getSession(false));
		if (pending.isEmpty()) {
			return expired(model, response);
		}
		SsoProfile profile = pending.get().profile();
		model.addAttribute("current", current);
		model.addAttribute("newcomerEmail", profile.email());
		model.addAttribute("newcomerName", name(profile));
		return VIEW;
	}

	@PostMapping(PATH)
	Object decide(@RequestParam(required = false, defaultValue = "") String decision, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		Optional<PendingIdpSignIns.Held> pending = held.take(request.getSession(false));
		if (pending.isEmpty()) {
			return expired(model, response);
		}
		SsoProfile profile = pending.get().profile();
		if (CONTINUE.equals(decision)) {
			return completion.complete(profile, pending.get().relayTarget(), request, response, model);
		}
		signIns.fail(SsoCompletion.METHOD, "idp_initiated_declined", profile.email());
		return "redirect:" + SafeRedirects.DEFAULT_TARGET;
	}

	private String expired(Model model, HttpServletResponse response) {
		return failures.show(SsoCompletion.METHOD, SsoFailure.STATE_INVALID, "idp_initiated", null, model, response);
	}

	private static @Nullable String name(SsoProfile profile) {
		String name = ((profile.firstName() == null ? "" : profile.firstName()) + " "
				+ (profile.lastName() == null ? "" : profile.lastName())).trim();
		return name.isEmpty() ? null : name;
	}

}
