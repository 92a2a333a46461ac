package io.gatehouse.login;

import java.util.Optional;

import io.gatehouse.account.PasswordPolicy;
import io.gatehouse.account.SignedInUser;
import io.gatehouse.throttle.IpThrottle;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** "Forgot your password?": ask for a link, then choose a new password from it. */
@Controller
class PasswordResetController {

	private final PasswordResets resets;

	private final IpThrottle ips;

	PasswordResetController(PasswordResets resets, IpThrottle ips) {
		this.ips = ips;
		this.resets = resets;
	}

	@GetMapping("/accounts/password-reset")
	String form() {
		return "login/reset-request";
	}

	@PostMapping("/accounts/password-reset")
	String request(@RequestParam(required = false, defaultValue = "") String email, Model model,
			jakarta.servlet.http.HttpServletRequest request) {
		String address = email.trim();
		if (!ips.allow(IpThrottle.Bucket.CODE_SEND, request.getRemoteAddr())) {
			// The same answer as always: whether a link went out is never said.
			return "login/reset-sent";
		}
		if (address.isEmpty() || address.length() > 320 || !address.contains("@")) {
			model.addAttribute("email", address);
			model.addAttribute("error", "login.reset.email-required");
			return "login/reset-request";
		}
		resets.request(address);
		return "login/reset-sent";
	}

	@GetMapping("/accounts/password-reset/{token}")
	String choose(@PathVariable String token, Model model) {
		if (!resets.isUsable(token)) {
			return "login/reset-expired";
		}
		model.addAttribute("token", token);
		return "login/reset-choose";
	}

	@PostMapping("/accounts/password-reset/{token}")
	String reset(@PathVariable String token, @RequestParam(required = false, defaultValue = "") String password,
			@RequestParam(required = false, defaultValue = "") String confirmation,
			@AuthenticationPrincipal @Nullable SignedInUser user, HttpServletRequest request, Model model) {
		model.addAttribute("token", token);
		Optional<PasswordPolicy.Refusal> refusal = resets.refusal(token, password);
		if (refusal.isPresent()) {
			model.addAttribute("passwordError", refusal.get().messageCode());
			return "login/reset-choose";
		}
		if (!password.equals(confirmation)) {
			model.addAttribute("confirmationError", "account.password.confirmation.mismatch");
			return "login/reset-choose";
		}
		HttpSession session = request.getSession(false);
		Optional<Long> whose = resets.reset(token, password, session != null ? session.getId() : null);
		if (whose.isEmpty()) {
			return "login/reset-expired";
		}
		if (session != null && user != null && user.userId() == whose.get()) {
			// A reset ends all of the person's sessions, this one too.
			session.invalidate();
		}
		return "redirect:/accounts/login?passwordReset";
	}

}
