package io.gatehouse.account;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import io.gatehouse.throttle.AccountThrottle;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import jakarta.validation.Valid;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.server.ResponseStatusException;

/** The signed-in person's own page, where they can also change their password. */
@Controller
class AccountController {

	static final String PAGE = "account/overview";

	private final Accounts accounts;

	private final Passwords passwords;

	private final AccountThrottle throttle;

	AccountController(Accounts accounts, Passwords passwords, AccountThrottle throttle) {
		this.throttle = throttle;
		this.accounts = accounts;
		this.passwords = passwords;
	}

	@GetMapping("/")
	String home() {
		return "redirect:/account";
	}

	@GetMapping("/account")
	String account(@AuthenticationPrincipal SignedInUser user, Model model) {
		model.addAttribute("passwordForm", PasswordChangeForm.empty());
		return page(user, model);
	}

	@PostMapping("/account/password")
	String changePassword(@AuthenticationPrincipal SignedInUser user,
			@Valid @ModelAttribute("passwordForm") PasswordChangeForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		if (!result.hasErrors() && !form.newPassword().equals(form.confirmation())) {
			result.rejectValue("confirmation", "account.password.confirmation.mismatch");
		}
		if (!result.hasErrors() && !throttle.check(AccountThrottle.Secret.PASSWORD, "user:" + user.userId(),
				() -> passwords.change(user.userId(), form.currentPassword(), form.newPassword()))) {
			result.rejectValue("currentPassword", "account.password.current.wrong");
		}
		if (result.hasErrors()) {
			return page(user, model);
		}
		redirect.addFlashAttribute("message", "account.password.changed");
		return "redirect:/account";
	}

	private String page(SignedInUser user, Model model) {
		model.addAttribute("account", accounts.overview(user.userId())
			.orElseThrow(() -> new ResponseStatusException(org.springframework.http.HttpStatus.NOT_FOUND)));
		return PAGE;
	}

}
