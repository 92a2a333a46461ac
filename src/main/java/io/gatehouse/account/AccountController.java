package io.gatehouse.account;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The signed-in person's own page, where they can also change their password and end their other sessions.
 */
@Controller
class AccountController {

	static final String PAGE = "account/overview";

	private final Accounts accounts;

	private final PasswordChanges passwordChanges;

	private final UserSessions sessions;

	AccountController(Accounts accounts, PasswordChanges passwordChanges, UserSessions sessions) {
		this.accounts = accounts;
		this.passwordChanges = passwordChanges;
		this.sessions = sessions;
	}

	@GetMapping("/")
	String home() {
		return "redirect:/account";
	}

	@GetMapping("/account")
	String account(@AuthenticationPrincipal SignedInUser user, HttpServletRequest request, Model model) {
		model.addAttribute("passwordForm", PasswordChangeForm.empty());
		return page(user, request, model);
	}

	@PostMapping("/account/password")
	String changePassword(@AuthenticationPrincipal SignedInUser user,
			@Valid @ModelAttribute("passwordForm") PasswordChangeForm form, BindingResult result,
			HttpServletRequest request, HttpServletResponse response, Model model, RedirectAttributes redirect) {
		if (!result.hasFieldErrors("newPassword")) {
			passwordChanges.refusal(user.userId(), form.newPassword())
				.ifPresent(refusal -> result.rejectValue("newPassword", refusal.messageCode()));
		}
		if (!result.hasErrors() && !form.newPassword().equals(form.confirmation())) {
			result.rejectValue("confirmation", "account.password.confirmation.mismatch");
		}
		if (!result.hasErrors()
				&& !passwordChanges.change(user, form.currentPassword(), form.newPassword(), request, response)) {
			result.rejectValue("currentPassword", "account.password.current.wrong");
		}
		if (result.hasErrors()) {
			return page(user, request, model);
		}
		redirect.addFlashAttribute("message", "account.password.changed");
		return "redirect:/account";
	}

	/** Ends one of the person's other sessions; a handle that is not theirs ends nothing and says the same. */
	@PostMapping("/account/sessions/end")
	String endSession(@AuthenticationPrincipal SignedInUser user, @RequestParam(defaultValue = "") String session,
			HttpServletRequest request, RedirectAttributes redirect) {
		boolean ended = session.length() <= 128
				&& sessions.end(user.userId(), user.email(), currentSessionId(request), session);
		redirect.addFlashAttribute("message", ended ? "account.sessions.ended" : "account.sessions.already-ended");
		return "redirect:/account#sessions";
	}

	@PostMapping("/account/sessions/end-others")
	String endOtherSessions(@AuthenticationPrincipal SignedInUser user, HttpServletRequest request,
			RedirectAttributes redirect) {
		sessions.endOthers(user.userId(), user.email(), currentSessionId(request));
		redirect.addFlashAttribute("message", "account.sessions.others-ended");
		return "redirect:/account#sessions";
	}

	private String page(SignedInUser user, HttpServletRequest request, Model model) {
		AccountOverview account = accounts.overview(user.userId())
			.orElseThrow(() -> new ResponseStatusException(org.springframework.http.HttpStatus.NOT_FOUND));
		model.addAttribute("account", account);
		if (account.hasPassword()) {
			model.addAttribute("passwordMinLength", passwordChanges.minimumLength(user.userId()));
		}
		model.addAttribute("sessions", sessions.list(user.userId(), currentSessionId(request)));
		return PAGE;
	}

	private static @Nullable String currentSessionId(HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		return session != null ? session.getId() : null;
	}

}
