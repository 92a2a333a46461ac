package io.gatehouse.mfa;

import io.gatehouse.account.RecentAuthentication;
import io.gatehouse.account.SignedInUser;
import io.gatehouse.login.SafeRedirects;
import io.gatehouse.web.Redirects;
import io.gatehouse.workos.WorkOsException;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * "Confirm it's you": the step-up page that sensitive changes send people to when their last proof is older than
 * {@link RecentAuthentication#WINDOW}. A right password or code returns them to {@code next} (a same-origin path).
 */
@Controller
class StepUpController {

	static final String PAGE = "mfa/step-up";

	private final StepUps stepUps;

	StepUpController(StepUps stepUps) {
		this.stepUps = stepUps;
	}

	@GetMapping(RecentAuthentication.STEP_UP_PATH)
	String form(@RequestParam(required = false) @Nullable String next, @AuthenticationPrincipal SignedInUser user,
			HttpServletRequest request, Model model) {
		return page(user, next, request, model);
	}

	@PostMapping(RecentAuthentication.STEP_UP_PATH + "/password")
	Object password(@RequestParam(required = false, defaultValue = "") String password,
			@RequestParam(required = false) @Nullable String next, @AuthenticationPrincipal SignedInUser user,
			HttpServletRequest request, Model model) {
		if (stepUps.withPassword(request, user, password)) {
			return Redirects.to(SafeRedirects.next(next));
		}
		model.addAttribute("error", "mfa.step-up.password-wrong");
		return page(user, next, request, model);
	}

	@PostMapping(RecentAuthentication.STEP_UP_PATH + "/code")
	Object code(@RequestParam(required = false, defaultValue = "") String code,
			@RequestParam(required = false, defaultValue = "app") String kind,
			@RequestParam(required = false) @Nullable String next, @AuthenticationPrincipal SignedInUser user,
			HttpServletRequest request, Model model) {
		try {
			boolean right = "text".equals(kind) ? stepUps.withTextCode(request, user, code)
					: stepUps.withAppCode(request, user, code);
			if (right) {
				return Redirects.to(SafeRedirects.next(next));
			}
			model.addAttribute("error", "mfa.code.wrong");
		}
		catch (WorkOsException e) {
			model.addAttribute("error", e.reason() == WorkOsException.Reason.UNPROCESSABLE ? "mfa.code.expired"
					: "mfa.workos-unavailable");
		}
		return page(user, next, request, model);
	}

	@PostMapping(RecentAuthentication.STEP_UP_PATH + "/send")
	String send(@RequestParam(required = false, defaultValue = "-1") long factorId,
			@RequestParam(required = false) @Nullable String next, @AuthenticationPrincipal SignedInUser user,
			HttpServletRequest request, Model model) {
		try {
			if (stepUps.sendText(request, user, factorId)) {
				model.addAttribute("sent", true);
			}
		}
		catch (TooManyCodes e) {
			model.addAttribute("error", "mfa.sms.too-many");
		}
		catch (WorkOsException e) {
			model.addAttribute("error", "mfa.workos-unavailable");
		}
		return page(user, next, request, model);
	}

	private String page(SignedInUser user, @Nullable String next, HttpServletRequest request, Model model) {
		String target = SafeRedirects.next(next);
		model.addAttribute("next", target);
		model.addAttribute("email", user.email());
		model.addAttribute("options", stepUps.options(user.userId()));
		model.addAttribute("textedFactor", stepUps.textedFactor(request, user).orElse(null));
		model.addAttribute("signInAgain", UriComponentsBuilder.fromPath("/accounts/login")
			.queryParam("username", "{username}")
			.queryParam("start", true)
			.queryParam("next", "{next}")
			.encode()
			.buildAndExpand(user.email(), target)
			.toUriString());
		return PAGE;
	}

}
