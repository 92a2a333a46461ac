package io.gatehouse.mfa;

import java.util.Optional;

import io.gatehouse.account.Accounts;
import io.gatehouse.login.PendingSecondFactor;
import io.gatehouse.login.SignIns;
import io.gatehouse.mail.MailUnavailable;
import io.gatehouse.web.Redirects;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The e-mailed code step: for rules with the "email code" method, and to verify a person's address at their first
 * sign-in when their rule asks for it. A code is sent on arrival; five wrong codes discard the pending sign-in.
 */
@Controller
class EmailCodeController {

	static final String PAGE = "mfa/email-verify";

	private static final String PATH = "/accounts/email-verify";

	private static final String SENT = "email-sent";

	private final EmailCodes codes;

	private final SignIns signIns;

	private final Accounts accounts;

	private final CodeAttempts attempts;

	EmailCodeController(EmailCodes codes, SignIns signIns, Accounts accounts, CodeAttempts attempts) {
		this.attempts = attempts;
		this.codes = codes;
		this.signIns = signIns;
		this.accounts = accounts;
	}

	@GetMapping(PATH)
	String form(HttpServletRequest request, Model model) {
		Optional<PendingSecondFactor> pending = pending(request);
		if (pending.isEmpty()) {
			return "redirect:/accounts/login";
		}
		if (pending.get().challengeId() == null) {
			send(request, pending.get(), model);
		}
		model.addAttribute("email", pending.get().email());
		return PAGE;
	}

	@PostMapping(PATH + "/send")
	String resend(HttpServletRequest request, Model model, RedirectAttributes redirect) {
		Optional<PendingSecondFactor> pending = pending(request);
		if (pending.isEmpty()) {
			return "redirect:/accounts/login";
		}
		if (send(request, pending.get(), model)) {
			redirect.addFlashAttribute("resent", true);
		}
		else {
			redirect.addFlashAttribute("error", model.getAttribute("error"));
		}
		return "redirect:" + PATH;
	}

	@PostMapping(PATH)
	Object verify(@RequestParam(required = false, defaultValue = "") String code, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		Optional<PendingSecondFactor> found = pending(request);
		if (found.isEmpty()) {
			return "redirect:/accounts/login";
		}
		PendingSecondFactor pending = found.get();
		model.addAttribute("email", pending.email());
		if (!attempts.code(request, pending.userId(), () -> codes.verify(pending.userId(), code))) {
			if (!signIns.secondFactorFailed(request, pending, "wrong_email_code")) {
				return "redirect:/accounts/login?tooManyAttempts";
			}
			model.addAttribute("error", "mfa.email.wrong");
			return PAGE;
		}
		accounts.markEmailVerified(pending.userId());
		return Redirects.to(signIns.secondFactorPassed(request, response, pending).orElse(SignIns.SIGN_IN_FAILED));
	}

	private boolean send(HttpServletRequest request, PendingSecondFactor pending, Model model) {
		if (!attempts.send(request)) {
			model.addAttribute("error", "mfa.sms.too-many");
			return false;
		}
		try {
			codes.send(pending.userId(), pending.email());
			signIns.updateSecondFactor(request, pending.withChallenge(SENT));
			return true;
		}
		catch (TooManyCodes e) {
			model.addAttribute("error", "mfa.sms.too-many");
		}
		catch (MailUnavailable e) {
			model.addAttribute("error", "mfa.email.unavailable");
		}
		return false;
	}

	private Optional<PendingSecondFactor> pending(HttpServletRequest request) {
		return signIns.pendingSecondFactor(request).filter(PendingSecondFactor::emailCode);
	}

}
