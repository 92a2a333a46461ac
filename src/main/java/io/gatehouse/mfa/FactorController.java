package io.gatehouse.mfa;

import io.gatehouse.account.RecentAuthentication;
import io.gatehouse.account.RecentAuthenticationRequired;
import io.gatehouse.account.SignedInUser;
import io.gatehouse.workos.WorkOsException;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Removing a factor and making new recovery codes, from the account page: only after proving it is really you, so a
 * borrowed session cannot strip a factor or take over the recovery codes. The proof is a sign-in or step-up within
 * {@link RecentAuthentication#WINDOW}, or for removal, a current authenticator code or the password typed into the
 * form itself.
 */
@Controller
class FactorController {

	static final String REMOVE_PAGE = "mfa/remove-factor";

	private final Factors factors;

	private final RecoveryCodes recoveryCodes;

	private final StepUps stepUps;

	private final RecentAuthentication recent;

	FactorController(Factors factors, RecoveryCodes recoveryCodes, StepUps stepUps, RecentAuthentication recent) {
		this.recoveryCodes = recoveryCodes;
		this.factors = factors;
		this.stepUps = stepUps;
		this.recent = recent;
	}

	/** "Remove this factor?", reached after a step-up. */
	@GetMapping("/account/factors/{id}/remove")
	@RecentAuthenticationRequired
	String confirmRemoval(@PathVariable long id, @AuthenticationPrincipal SignedInUser user, Model model) {
		java.util.Optional<FactorView> factor = factors.factor(user.userId(), id);
		if (factor.isEmpty()) {
			return "redirect:/account";
		}
		model.addAttribute("factor", factor.get());
		return REMOVE_PAGE;
	}

	@PostMapping("/account/factors/{id}/remove")
	String remove(@PathVariable long id, @RequestParam(required = false, defaultValue = "") String code,
			@AuthenticationPrincipal SignedInUser user, HttpServletRequest request, RedirectAttributes redirect) {
		try {
			String proof = code.trim();
			if (proof.isEmpty() && !recent.isRecent(request, user.userId())) {
				return "redirect:" + RecentAuthentication.stepUpUrl("/account/factors/" + id + "/remove");
			}
			if (!proof.isEmpty() && !stepUps.withAppCodeOrPassword(request, user, proof)) {
				redirect.addFlashAttribute("factorError", "mfa.remove.code-wrong");
				return "redirect:/account";
			}
			factors.remove(user.userId(), user.email(), id);
		}
		catch (WorkOsException e) {
			redirect.addFlashAttribute("factorError", "mfa.workos-unavailable");
			return "redirect:/account";
		}
		redirect.addFlashAttribute("message", "mfa.removed");
		return "redirect:/account";
	}

	/** Recovery codes: shown once after they are made, otherwise how many are left and a way to make new ones. */
	@GetMapping("/account/recovery-codes")
	String recoveryCodes(@AuthenticationPrincipal SignedInUser user, Model model) {
		model.addAttribute("remaining", recoveryCodes.remaining(user.userId()));
		return "mfa/recovery-codes";
	}

	@PostMapping("/account/recovery-codes")
	@RecentAuthenticationRequired(returnTo = "/account/recovery-codes")
	String regenerate(@AuthenticationPrincipal SignedInUser user, RedirectAttributes redirect) {
		if (factors.hasFactor(user.userId())) {
			redirect.addFlashAttribute("recoveryCodes", recoveryCodes.regenerate(user.userId(), user.email()));
		}
		return "redirect:/account/recovery-codes";
	}

	/** Puts the signed-in person's factors and recovery-code count on the account page. */
	@ControllerAdvice(basePackages = "io.gatehouse.account")
	static class OnAccountPage {

		private final Factors factors;

		private final RecoveryCodes recoveryCodes;

		OnAccountPage(Factors factors, RecoveryCodes recoveryCodes) {
			this.factors = factors;
			this.recoveryCodes = recoveryCodes;
		}

		@ModelAttribute
		void factors(@AuthenticationPrincipal @Nullable SignedInUser user, Model model) {
			if (user != null) {
				model.addAttribute("factors", factors.list(user.userId()));
				model.addAttribute("recoveryCodesLeft", recoveryCodes.hasCodes(user.userId())
						? recoveryCodes.remaining(user.userId()) : null);
			}
		}

	}

}
