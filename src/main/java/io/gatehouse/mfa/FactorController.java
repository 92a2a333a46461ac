package io.gatehouse.mfa;

import io.gatehouse.account.Passwords;
import io.gatehouse.account.SignedInUser;
import io.gatehouse.workos.WorkOsException;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import jakarta.servlet.http.HttpServletRequest;
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
 * Removing a factor from the account page: only after proving it is really you, with a current authenticator code
 * or your password, so a borrowed session cannot strip a factor.
 */
@Controller
class FactorController {

	private final Factors factors;

	private final Passwords passwords;

	private final RecoveryCodes recoveryCodes;

	private final CodeAttempts attempts;

	FactorController(Factors factors, Passwords passwords, RecoveryCodes recoveryCodes, CodeAttempts attempts) {
		this.attempts = attempts;
		this.recoveryCodes = recoveryCodes;
		this.factors = factors;
		this.passwords = passwords;
	}

	@PostMapping("/account/factors/{id}/remove")
	String remove(@PathVariable long id, @RequestParam(required = false, defaultValue = "") String code,
			@AuthenticationPrincipal SignedInUser user, HttpServletRequest request, RedirectAttributes redirect) {
		try {
			if (!proven(request, user, code.trim())) {
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

	private boolean proven(HttpServletRequest request, SignedInUser user, String codeOrPassword) {
		String digits = codeOrPassword.replace(" ", "");
		java.util.Optional<FactorView> app = factors.list(user.userId()).stream().filter(f -> "totp".equals(f.type())).findFirst();
		if (app.isPresent() && digits.matches("\\d{6}")) {
			return attempts.code(request, user.userId(),
					() -> factors.verify(user.userId(), app.get().id(), factors.challengeApp(user.userId(), app.get().id()), digits));
		}
		return !codeOrPassword.isEmpty() && codeOrPassword.length() <= 1024
				&& attempts.password(request, user.userId(), () -> passwords.matches(user.userId(), codeOrPassword));
	}

	/** Recovery codes: shown once after they are made, otherwise how many are left and a way to make new ones. */
	@GetMapping("/account/recovery-codes")
	String recoveryCodes(@AuthenticationPrincipal SignedInUser user, Model model) {
		model.addAttribute("remaining", recoveryCodes.remaining(user.userId()));
		return "mfa/recovery-codes";
	}

	@PostMapping("/account/recovery-codes")
	String regenerate(@AuthenticationPrincipal SignedInUser user, RedirectAttributes redirect) {
		if (factors.hasFactor(user.userId())) {
			redirect.addFlashAttribute("recoveryCodes", recoveryCodes.regenerate(user.userId()));
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
