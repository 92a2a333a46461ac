package io.gatehouse.mfa;

import java.util.Optional;

import io.gatehouse.account.Accounts;
import io.gatehouse.account.SignedInUser;
import io.gatehouse.login.PendingSecondFactor;
import io.gatehouse.login.SignIns;
import io.gatehouse.workos.WorkOsException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.view.RedirectView;

/**
 * The second step of a sign-in that needs a second factor: a code from the authenticator app. The WorkOS challenge
 * id stays in the server-side session; five wrong codes discard the pending sign-in.
 */
@Controller
class VerifyController {

	static final String PAGE = "mfa/verify";

	private final Factors factors;

	private final SignIns signIns;

	private final Accounts accounts;

	VerifyController(Factors factors, SignIns signIns, Accounts accounts) {
		this.factors = factors;
		this.signIns = signIns;
		this.accounts = accounts;
	}

	@GetMapping("/accounts/verify")
	String form(HttpServletRequest request, Model model) {
		Optional<PendingSecondFactor> pending = pending(request);
		if (pending.isEmpty()) {
			return "redirect:/accounts/login";
		}
		model.addAttribute("email", pending.get().email());
		return PAGE;
	}

	@PostMapping("/accounts/verify")
	Object verify(@RequestParam(required = false, defaultValue = "") String code, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		Optional<PendingSecondFactor> found = pending(request);
		if (found.isEmpty()) {
			return "redirect:/accounts/login";
		}
		PendingSecondFactor pending = found.get();
		model.addAttribute("email", pending.email());
		boolean valid;
		try {
			if (pending.challengeId() == null) {
				pending = pending.withChallenge(factors.challenge(pending.userId()));
				signIns.updateSecondFactor(request, pending);
			}
			valid = factors.verify(pending.userId(), pending.challengeId(), code.replace(" ", "").trim());
		}
		catch (WorkOsException e) {
			model.addAttribute("error", e.reason() == WorkOsException.Reason.UNPROCESSABLE ? "mfa.code.expired"
					: "mfa.workos-unavailable");
			if (e.reason() == WorkOsException.Reason.UNPROCESSABLE) {
				signIns.updateSecondFactor(request, pending.withChallenge(null));
			}
			return PAGE;
		}
		if (!valid) {
			if (!signIns.secondFactorFailed(request, pending, "wrong_code")) {
				return "redirect:/accounts/login?tooManyAttempts";
			}
			model.addAttribute("error", "mfa.code.wrong");
			return PAGE;
		}
		SignedInUser user = accounts.signedInWithPassword(pending.userId());
		RedirectView target = new RedirectView(signIns.secondFactorPassed(request, response, pending, user));
		target.setExpandUriTemplateVariables(false);
		return target;
	}

	private Optional<PendingSecondFactor> pending(HttpServletRequest request) {
		return signIns.pendingSecondFactor(request).filter(p -> !p.enrolmentRequired());
	}

}
