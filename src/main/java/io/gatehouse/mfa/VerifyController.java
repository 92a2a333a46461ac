package io.gatehouse.mfa;

import java.util.Optional;

import io.gatehouse.login.PendingSecondFactor;
import io.gatehouse.login.SignIns;
import io.gatehouse.web.Redirects;
import io.gatehouse.workos.WorkOsException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The second step of a sign-in that needs a second factor: a code from the authenticator app, or one texted to the
 * person's phone. The factor and the WorkOS challenge stay in the server-side session (never a form field); five
 * wrong codes discard the pending sign-in; texts are limited to 3 per 10 minutes.
 */
@Controller
class VerifyController {

	static final String PAGE = "mfa/verify";

	private static final String PATH = "/accounts/verify";

	private final Factors factors;

	private final SignIns signIns;

	private final RecoveryCodes recoveryCodes;

	private final CodeAttempts attempts;

	VerifyController(Factors factors, SignIns signIns, RecoveryCodes recoveryCodes,
			CodeAttempts attempts) {
		this.attempts = attempts;
		this.recoveryCodes = recoveryCodes;
		this.factors = factors;
		this.signIns = signIns;
	}

	@GetMapping(PATH)
	String form(HttpServletRequest request, Model model) {
		Optional<PendingSecondFactor> pending = current(request);
		if (pending.isEmpty()) {
			return "redirect:/accounts/login";
		}
		return page(pending.get(), model);
	}

	@PostMapping(PATH + "/factor")
	String switchFactor(@RequestParam long factorId, HttpServletRequest request) {
		current(request).filter(p -> factors.factor(p.userId(), factorId).isPresent())
			.ifPresent(p -> signIns.updateSecondFactor(request, p.withFactor(factorId)));
		return "redirect:" + PATH;
	}

	@PostMapping(PATH + "/send")
	String send(HttpServletRequest request, RedirectAttributes redirect) {
		Optional<PendingSecondFactor> pending = current(request);
		if (pending.isEmpty()) {
			return "redirect:/accounts/login";
		}
		PendingSecondFactor p = pending.get();
		Optional<String> workosId = factors.workosId(p.userId(), p.factorId());
		try {
			if (workosId.isPresent() && isSms(p) && !attempts.send(request)) {
				redirect.addFlashAttribute("error", "mfa.sms.too-many");
			}
			else if (workosId.isPresent() && isSms(p)) {
				signIns.updateSecondFactor(request, p.withChallenge(factors.sendSms(p.userId(), workosId.get())));
				redirect.addFlashAttribute("sent", true);
			}
		}
		catch (TooManyCodes e) {
			redirect.addFlashAttribute("error", "mfa.sms.too-many");
		}
		catch (WorkOsException e) {
			redirect.addFlashAttribute("error", "mfa.workos-unavailable");
		}
		return "redirect:" + PATH;
	}

	@PostMapping(PATH)
	Object verify(@RequestParam(required = false, defaultValue = "") String code, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		Optional<PendingSecondFactor> found = current(request);
		if (found.isEmpty()) {
			return "redirect:/accounts/login";
		}
		PendingSecondFactor pending = found.get();
		boolean valid;
		try {
			if (pending.challengeId() == null) {
				if (isSms(pending)) {
					model.addAttribute("error", "mfa.sms.send-first");
					return page(pending, model);
				}
				pending = pending.withChallenge(factors.challengeApp(pending.userId(), pending.factorId()));
				signIns.updateSecondFactor(request, pending);
			}
			PendingSecondFactor challenged = pending;
			valid = attempts.code(request, pending.userId(), () -> factors.verify(challenged.userId(),
					challenged.factorId(), challenged.challengeId(), code.replace(" ", "").trim()));
		}
		catch (WorkOsException e) {
			boolean expired = e.reason() == WorkOsException.Reason.UNPROCESSABLE;
			signIns.updateSecondFactor(request, pending.withChallenge(null));
			model.addAttribute("error", expired ? "mfa.code.expired" : "mfa.workos-unavailable");
			return page(pending.withChallenge(null), model);
		}
		if (!valid) {
			if (!signIns.secondFactorFailed(request, pending, "wrong_code")) {
				return "redirect:/accounts/login?tooManyAttempts";
			}
			model.addAttribute("error", "mfa.code.wrong");
			return page(pending, model);
		}
		return Redirects.to(signIns.secondFactorPassed(request, response, pending).orElse(SignIns.SIGN_IN_FAILED));
	}

	/** A recovery code instead of a factor: single-use, counted as an attempt when wrong, and shown to the person. */
	@PostMapping(PATH + "/recovery")
	Object recovery(@RequestParam(required = false, defaultValue = "") String recoveryCode, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		Optional<PendingSecondFactor> found = current(request);
		if (found.isEmpty()) {
			return "redirect:/accounts/login";
		}
		PendingSecondFactor pending = found.get();
		if (!attempts.code(request, pending.userId(), () -> recoveryCodes.use(pending.userId(), pending.email(), recoveryCode))) {
			if (!signIns.secondFactorFailed(request, pending, "wrong_recovery_code")) {
				return "redirect:/accounts/login?tooManyAttempts";
			}
			model.addAttribute("error", "mfa.recovery.wrong");
			return page(pending, model);
		}
		Optional<String> signedIn = signIns.secondFactorPassed(request, response, pending);
		if (signedIn.isEmpty()) {
			return Redirects.to(SignIns.SIGN_IN_FAILED);
		}
		String next = signedIn.get();
		org.springframework.web.servlet.FlashMap flash = org.springframework.web.servlet.support.RequestContextUtils
			.getOutputFlashMap(request);
		flash.put("message", "mfa.recovery.used");
		flash.put("recoveryRemaining", recoveryCodes.remaining(pending.userId()));
		org.springframework.web.servlet.support.RequestContextUtils.saveOutputFlashMap(next, request, response);
		return Redirects.to(next);
	}

	/** The pending sign-in, with a factor chosen (the preferred one to begin with). */
	private Optional<PendingSecondFactor> current(HttpServletRequest request) {
		return signIns.pendingSecondFactor(request).filter(p -> !p.enrolmentRequired() && !p.emailCode()).flatMap(p -> {
			if (p.factorId() != null && factors.factor(p.userId(), p.factorId()).isPresent()) {
				return Optional.of(p);
			}
			return factors.preferred(p.userId()).map(f -> {
				PendingSecondFactor chosen = p.withFactor(f.id());
				signIns.updateSecondFactor(request, chosen);
				return chosen;
			});
		});
	}

	private boolean isSms(PendingSecondFactor pending) {
		return factors.factor(pending.userId(), pending.factorId()).map(f -> "sms".equals(f.type())).orElse(false);
	}

	private String page(PendingSecondFactor pending, Model model) {
		model.addAttribute("email", pending.email());
		model.addAttribute("factor", factors.factor(pending.userId(), pending.factorId()).orElseThrow());
		model.addAttribute("others", factors.list(pending.userId()).stream().filter(f -> f.id() != pending.factorId()).toList());
		model.addAttribute("codeSent", pending.challengeId() != null);
		return PAGE;
	}

}
