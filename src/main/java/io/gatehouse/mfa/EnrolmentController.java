package io.gatehouse.mfa;

import java.util.Optional;

import io.gatehouse.account.RecentAuthenticationRequired;
import io.gatehouse.account.SignedInUser;
import io.gatehouse.login.PendingSecondFactor;
import io.gatehouse.login.SignIns;
import io.gatehouse.web.Redirects;
import io.gatehouse.workos.TotpEnrolment;
import io.gatehouse.workos.WorkOsException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Adding an authenticator app or a phone: from the account page, or forced during sign-in when the person's rule
 * demands a second factor and they have none yet. Confirming a first code completes the enrolment (and then the
 * sign-in). From the account page, every step needs a recent proof of who you are
 * ({@link RecentAuthenticationRequired}: a signed-in person without one goes to the step-up page first); the forced
 * enrolment belongs to a sign-in that has just checked the password, and has no signed-in person yet.
 */
@Controller
class EnrolmentController {

	static final String TOTP_PAGE = "mfa/enroll-totp";

	static final String SMS_PAGE = "mfa/enroll-sms";

	private static final String DEFAULT_ISSUER = "Gatehouse";

	private final Factors factors;

	private final SignIns signIns;

	private final RecoveryCodes recoveryCodes;

	private final CodeAttempts attempts;

	EnrolmentController(Factors factors, SignIns signIns, RecoveryCodes recoveryCodes, CodeAttempts attempts) {
		this.attempts = attempts;
		this.recoveryCodes = recoveryCodes;
		this.factors = factors;
		this.signIns = signIns;
	}

	/** Who is enrolling: the signed-in person, or the sign-in waiting for its first factor. */
	private record Enrollee(long userId, String email, String issuer, @Nullable PendingSecondFactor pending) {
	}

	@GetMapping("/accounts/enroll")
	@RecentAuthenticationRequired
	String choose(@AuthenticationPrincipal @Nullable SignedInUser user, HttpServletRequest request, Model model) {
		Optional<Enrollee> enrollee = enrollee(user, request);
		if (enrollee.isEmpty()) {
			return "redirect:/accounts/login";
		}
		model.addAttribute("forced", enrollee.get().pending() != null);
		return "mfa/enroll";
	}

	@GetMapping("/accounts/enroll-totp")
	@RecentAuthenticationRequired
	String totp(@AuthenticationPrincipal @Nullable SignedInUser user, HttpServletRequest request, Model model) {
		Optional<Enrollee> enrollee = enrollee(user, request);
		if (enrollee.isEmpty()) {
			return "redirect:/accounts/login";
		}
		try {
			model.addAttribute("enrolment", pendingEnrolment(enrollee.get(), request.getSession()));
		}
		catch (WorkOsException e) {
			model.addAttribute("error", "mfa.workos-unavailable");
			return "mfa/enroll";
		}
		model.addAttribute("forced", enrollee.get().pending() != null);
		return TOTP_PAGE;
	}

	@PostMapping("/accounts/enroll-totp")
	@RecentAuthenticationRequired(returnTo = "/accounts/enroll-totp")
	Object confirm(@RequestParam(required = false, defaultValue = "") String code,
			@AuthenticationPrincipal @Nullable SignedInUser user, HttpServletRequest request,
			HttpServletResponse response, Model model, RedirectAttributes redirect) {
		Optional<Enrollee> enrollee = enrollee(user, request);
		HttpSession session = request.getSession();
		if (enrollee.isEmpty() || !(session.getAttribute(PendingTotpEnrolment.ATTRIBUTE) instanceof PendingTotpEnrolment started)
				|| started.userId() != enrollee.get().userId()) {
			return "redirect:/accounts/login";
		}
		model.addAttribute("enrolment", started);
		model.addAttribute("forced", enrollee.get().pending() != null);
		String typed = code.replace(" ", "").trim();
		boolean confirmed;
		try {
			confirmed = typed.matches("\\d{6}")
					&& factors.confirmTotp(enrollee.get().userId(), enrollee.get().email(), started.workosFactorId(), typed);
		}
		catch (WorkOsException e) {
			model.addAttribute("error", "mfa.workos-unavailable");
			return TOTP_PAGE;
		}
		if (!confirmed) {
			model.addAttribute("error", "mfa.code.wrong");
			return TOTP_PAGE;
		}
		session.removeAttribute(PendingTotpEnrolment.ATTRIBUTE);
		return finish(enrollee.get(), request, response, redirect);
	}

	@GetMapping("/accounts/enroll-sms")
	@RecentAuthenticationRequired
	String smsForm(@AuthenticationPrincipal @Nullable SignedInUser user, HttpServletRequest request, Model model) {
		Optional<Enrollee> enrollee = enrollee(user, request);
		if (enrollee.isEmpty()) {
			return "redirect:/accounts/login";
		}
		model.addAttribute("forced", enrollee.get().pending() != null);
		if (request.getSession().getAttribute(PendingSmsEnrolment.ATTRIBUTE) instanceof PendingSmsEnrolment started
				&& started.userId() == enrollee.get().userId()) {
			model.addAttribute("phone", started.phoneNumber());
			model.addAttribute("codeSent", true);
		}
		return SMS_PAGE;
	}

	@PostMapping("/accounts/enroll-sms")
	@RecentAuthenticationRequired(returnTo = "/accounts/enroll-sms")
	String sendSmsCode(@RequestParam(required = false, defaultValue = "") String phone,
			@AuthenticationPrincipal @Nullable SignedInUser user, HttpServletRequest request, Model model) {
		Optional<Enrollee> enrollee = enrollee(user, request);
		if (enrollee.isEmpty()) {
			return "redirect:/accounts/login";
		}
		String number = phone.replaceAll("[\\s().-]", "");
		model.addAttribute("forced", enrollee.get().pending() != null);
		model.addAttribute("phone", phone);
		if (!attempts.send(request)) {
			model.addAttribute("phoneError", "mfa.sms.too-many");
			return SMS_PAGE;
		}
		try {
			String factorId = factors.startSms(number);
			String challenge = factors.sendSms(enrollee.get().userId(), factorId);
			request.getSession().setAttribute(PendingSmsEnrolment.ATTRIBUTE,
					new PendingSmsEnrolment(enrollee.get().userId(), factorId, number, challenge));
			model.addAttribute("codeSent", true);
		}
		catch (WorkOsException e) {
			model.addAttribute("phoneError", e.reason() == WorkOsException.Reason.UNPROCESSABLE ? "mfa.sms.invalid-phone"
					: "mfa.workos-unavailable");
		}
		catch (TooManyCodes e) {
			model.addAttribute("phoneError", "mfa.sms.too-many");
		}
		return SMS_PAGE;
	}

	@PostMapping("/accounts/enroll-sms/confirm")
	@RecentAuthenticationRequired(returnTo = "/accounts/enroll-sms")
	Object confirmSms(@RequestParam(required = false, defaultValue = "") String code,
			@AuthenticationPrincipal @Nullable SignedInUser user, HttpServletRequest request,
			HttpServletResponse response, Model model, RedirectAttributes redirect) {
		Optional<Enrollee> enrollee = enrollee(user, request);
		HttpSession session = request.getSession();
		if (enrollee.isEmpty() || !(session.getAttribute(PendingSmsEnrolment.ATTRIBUTE) instanceof PendingSmsEnrolment started)
				|| started.userId() != enrollee.get().userId()) {
			return "redirect:/accounts/login";
		}
		model.addAttribute("forced", enrollee.get().pending() != null);
		model.addAttribute("phone", started.phoneNumber());
		model.addAttribute("codeSent", true);
		boolean confirmed;
		try {
			confirmed = factors.confirmSms(enrollee.get().userId(), enrollee.get().email(), started.workosFactorId(),
					started.phoneNumber(), started.challengeId(), code.replace(" ", "").trim());
		}
		catch (WorkOsException e) {
			model.addAttribute("error", e.reason() == WorkOsException.Reason.UNPROCESSABLE ? "mfa.code.expired"
					: "mfa.workos-unavailable");
			return SMS_PAGE;
		}
		if (!confirmed) {
			model.addAttribute("error", "mfa.code.wrong");
			return SMS_PAGE;
		}
		session.removeAttribute(PendingSmsEnrolment.ATTRIBUTE);
		return finish(enrollee.get(), request, response, redirect);
	}

	/**
	 * Ends an enrolment: completes a waiting sign-in, and on a person's first factor shows their new recovery codes
	 * (once) before they go on.
	 */
	private Object finish(Enrollee enrollee, HttpServletRequest request, HttpServletResponse response,
			RedirectAttributes redirect) {
		String next = "/account";
		PendingSecondFactor pending = enrollee.pending();
		if (pending != null) {
			Optional<String> signedIn = signIns.secondFactorPassed(request, response, pending);
			if (signedIn.isEmpty()) {
				// Deactivated while enrolling: the factor stays (an admin may reset it), but nobody is signed in.
				return Redirects.to(SignIns.SIGN_IN_FAILED);
			}
			next = signedIn.get();
		}
		redirect.addFlashAttribute("message", "mfa.enrolled");
		if (!recoveryCodes.hasCodes(enrollee.userId())) {
			redirect.addFlashAttribute("recoveryCodes", recoveryCodes.regenerate(enrollee.userId(), enrollee.email()));
			redirect.addFlashAttribute("continueTo", next);
			return "redirect:/account/recovery-codes";
		}
		return Redirects.to(next);
	}

	private PendingTotpEnrolment pendingEnrolment(Enrollee enrollee, HttpSession session) {
		if (session.getAttribute(PendingTotpEnrolment.ATTRIBUTE) instanceof PendingTotpEnrolment existing
				&& existing.userId() == enrollee.userId()) {
			return existing;
		}
		TotpEnrolment created = factors.startTotp(enrollee.issuer(), enrollee.email());
		PendingTotpEnrolment pending = new PendingTotpEnrolment(enrollee.userId(), created.factorId(), created.secret(),
				created.qrCode(), created.uri());
		session.setAttribute(PendingTotpEnrolment.ATTRIBUTE, pending);
		return pending;
	}

	private Optional<Enrollee> enrollee(@Nullable SignedInUser user, HttpServletRequest request) {
		if (user != null) {
			return Optional.of(new Enrollee(user.userId(), user.email(), DEFAULT_ISSUER, null));
		}
		return signIns.pendingSecondFactor(request)
			.filter(PendingSecondFactor::enrolmentRequired)
			.map(p -> new Enrollee(p.userId(), p.email(), p.totpIssuer() != null ? p.totpIssuer() : DEFAULT_ISSUER, p));
	}

}
