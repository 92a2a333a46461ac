package io.gatehouse.mfa;

import io.gatehouse.account.SignedInUser;
import io.gatehouse.workos.WorkOsException;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Removing a factor from the account page: only with a current code, so a borrowed session cannot strip it. */
@Controller
class FactorController {

	private final Factors factors;

	FactorController(Factors factors) {
		this.factors = factors;
	}

	@PostMapping("/account/factors/{id}/remove")
	String remove(@PathVariable long id, @RequestParam(required = false, defaultValue = "") String code,
			@AuthenticationPrincipal SignedInUser user, RedirectAttributes redirect) {
		try {
			String challenge = factors.challenge(user.userId());
			if (!factors.verify(user.userId(), challenge, code.replace(" ", "").trim())) {
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

	/** Puts the signed-in person's factors on the account page. */
	@ControllerAdvice(basePackages = "io.gatehouse.account")
	static class OnAccountPage {

		private final Factors factors;

		OnAccountPage(Factors factors) {
			this.factors = factors;
		}

		@ModelAttribute
		void factors(@AuthenticationPrincipal @Nullable SignedInUser user, Model model) {
			if (user != null) {
				model.addAttribute("factors", factors.list(user.userId()));
			}
		}

	}

}
