package io.gatehouse.login;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import io.gatehouse.account.Accounts;
import io.gatehouse.account.Passwords;
import io.gatehouse.account.SignedInUser;
import io.gatehouse.rules.LoginMethod;
import io.gatehouse.rules.RuleDecision;
import io.gatehouse.settings.GatehouseSettings;
import io.gatehouse.settings.PublicUrls;
import io.gatehouse.throttle.AccountThrottle;
import io.gatehouse.throttle.Attempt;
import io.gatehouse.throttle.IpThrottle;
import io.gatehouse.web.Redirects;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.View;

/**
 * The two-step login page. Step 1 asks who you are; the login rules decide step 2: a password form, or off to your
 * identity provider through WorkOS.
 */
@Controller
class LoginController {

	static final String IDENTIFY = "login/identify";

	static final String PASSWORD = "login/password";

	static final String MAGIC_SENT = "login/magic-sent";

	static final String CONTINUE = "login/continue";

	private static final String PASSWORD_PATH = "/accounts/login/password";

	private final LoginResolution resolution;

	private final Accounts accounts;

	private final Passwords passwords;

	private final SsoLauncher sso;

	private final SignIns signIns;

	private final GatehouseSettings settings;

	private final PublicUrls urls;

	private final SecondFactors secondFactors;

	private final MagicLinkLauncher magicLinks;

	private final OidcLauncher oidc;

	private final AccountThrottle throttle;

	private final IpThrottle ips;

	LoginController(LoginResolution resolution, Accounts accounts, Passwords passwords, SsoLauncher sso,
			SignIns signIns, GatehouseSettings settings, PublicUrls urls, SecondFactors secondFactors,
			MagicLinkLauncher magicLinks, OidcLauncher oidc, AccountThrottle throttle, IpThrottle ips) {
		this.oidc = oidc;
		this.throttle = throttle;
		this.ips = ips;
		this.magicLinks = magicLinks;
		this.secondFactors = secondFactors;
		this.resolution = resolution;
		this.accounts = accounts;
		this.passwords = passwords;
		this.sso = sso;
		this.signIns = signIns;
		this.settings = settings;
		this.urls = urls;
	}

	@ModelAttribute
	void localModeBanner(Model model) {
		if (settings.localMode()) {
			model.addAttribute("demoOrganizations", accounts.organizations());
			model.addAttribute("emulatorUrl", String.valueOf(urls.workosApiBaseUrl()));
		}
	}

	@GetMapping("/accounts/login")
	Object identify(@RequestParam(required = false) @Nullable String username,
			@RequestParam(required = false) @Nullable String next,
			@RequestParam(required = false, defaultValue = "false") boolean start, HttpServletRequest request,
			Model model) {
		IdentifyForm form = new IdentifyForm(username, SafeRedirects.isSafe(next) ? next : null);
		model.addAttribute("form", form);
		if (start && username != null && !username.isBlank() && username.length() <= 320) {
			Object step2 = dispatch(form, request, null);
			if (step2 != null) {
				return step2;
			}
		}
		return IDENTIFY;
	}

	@PostMapping("/accounts/login")
	Object submit(@Valid @ModelAttribute("form") IdentifyForm form, BindingResult result, HttpServletRequest request,
			HttpServletResponse response) {
		if (result.hasErrors()) {
			return IDENTIFY;
		}
		if (!ips.allow(IpThrottle.Bucket.LOOKUP, request.getRemoteAddr())) {
			response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
			result.rejectValue("username", "login.too-many-requests");
			return IDENTIFY;
		}
		Object step2 = dispatch(form, request, result);
		return step2 != null ? step2 : IDENTIFY;
	}

	/** The answer of step 1 as JSON, for clients that pick their own UI. Unknown people get the password answer. */
	@GetMapping(path = "/accounts/login-method", produces = "application/json")
	@ResponseBody
	ResponseEntity<Map<String, String>> loginMethod(@RequestParam(required = false) @Nullable String username,
			HttpServletRequest request) {
		if (!ips.allow(IpThrottle.Bucket.LOOKUP, request.getRemoteAddr())) {
			return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS).header("Retry-After", "60")
				.body(Map.of("error", "too_many_requests"));
		}
		if (username == null || username.isBlank() || username.length() > 320) {
			return ResponseEntity.ok(Map.of("method", LoginMethod.PASSWORD.apiName()));
		}
		return ResponseEntity.ok(Map.of("method", resolution.resolve(username).method().apiName()));
	}

	@GetMapping(PASSWORD_PATH)
	String passwordForm(HttpServletRequest request, Model model) {
		Optional<PendingLogin> pending = PendingLogin.of(request.getSession(false));
		if (pending.isEmpty()) {
			return "redirect:/accounts/login";
		}
		model.addAttribute("username", pending.get().username());
		return PASSWORD;
	}

	@PostMapping(PASSWORD_PATH)
	Object password(@RequestParam(required = false, defaultValue = "") String password, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		Optional<PendingLogin> pending = PendingLogin.of(request.getSession(false));
		if (pending.isEmpty()) {
			return "redirect:/accounts/login";
		}
		String username = pending.get().username();
		LoginResolution.Outcome outcome = resolution.resolve(username);
		RuleDecision decision = outcome.decision();
		boolean passwordRule = decision != null && decision.method().usesPassword();
		Long userId = outcome.account() != null && outcome.account().active() && passwordRule
				? outcome.account().userId() : null;
		String subject = outcome.account() != null ? "user:" + outcome.account().userId() : "name:" + username.trim();
		Optional<Attempt> attempt = ips.allow(IpThrottle.Bucket.SIGN_IN, request.getRemoteAddr())
				? throttle.begin(AccountThrottle.Secret.PASSWORD, subject) : Optional.empty();
		if (attempt.isEmpty()) {
			// Throttled or locked: the same answer as a wrong password, and no hash is computed.
			signIns.fail("password", "throttled", username, decision == null ? null : decision.ruleName());
			return passwordError(model, username, "login.password.failed");
		}
		boolean correct = password.length() <= 1024 && passwords.matches(userId, password);
		if (!correct) {
			throttle.failed(attempt.get());
			signIns.fail("password", userId == null ? "no_password_sign_in" : "wrong_password", username,
					decision == null ? null : decision.ruleName());
			return passwordError(model, username, "login.password.failed");
		}
		throttle.succeeded(attempt.get());
		PendingLogin.clear(request.getSession(false));
		boolean enrolled = secondFactors.hasFactor(userId);
		boolean emailStep = !enrolled && (decision.method() == LoginMethod.EMAIL_CODE
				|| (decision.requireVerifiedEmail() && !outcome.account().emailVerified()));
		if (decision.mfaRequired() || emailStep) {
			signIns.awaitSecondFactor(request, new PendingSecondFactor(userId, outcome.account().email(), "password",
					"rule:" + decision.ruleName(), pending.get().next(), !enrolled && !emailStep, emailStep,
					decision.totpIssuer(), null, null, 0, Instant.now()));
			return redirect(emailStep ? "/accounts/email-verify" : enrolled ? "/accounts/verify" : "/accounts/enroll");
		}
		SignedInUser user = accounts.signedInWithPassword(userId);
		return redirect(signIns.succeed(request, response, user, "password", "rule:" + decision.ruleName(),
				pending.get().next()));
	}

	/** Follows the rule: a password form, or a redirect to the identity provider; null to show step 1 again. */
	private @Nullable Object dispatch(IdentifyForm form, HttpServletRequest request, @Nullable BindingResult result) {
		String typed = form.trimmedUsername();
		String next = SafeRedirects.next(form.next());
		LoginResolution.Outcome outcome = resolution.resolve(typed);
		LoginMethod method = outcome.method();
		if (method.usesPassword()) {
			new PendingLogin(typed, next, Instant.now()).store(request.getSession());
			return redirect(PASSWORD_PATH);
		}
		RuleDecision decision = outcome.decision();
		if (method == LoginMethod.SSO || method.provider() != null) {
			SsoTarget target = method.provider() != null ? new SsoTarget(null, null, method.provider())
					: new SsoTarget(decision.connectionId(), decision.connectionId() == null ? decision.organizationId() : null,
							null);
			return leave(sso.launch(request, target, typed, next));
		}
		if (method == LoginMethod.OIDC && oidc.available()) {
			return leave(oidc.launch(request, typed, next));
		}
		if (method == LoginMethod.MAGIC_LINK) {
			boolean eligible = outcome.account() != null && outcome.account().active();
			magicLinks.send(request, eligible ? outcome.account().userId() : null,
					eligible ? outcome.account().email() : typed, next);
			return MAGIC_SENT;
		}
		if (result != null) {
			result.rejectValue("username", "login.method.unavailable");
		}
		return null;
	}

	private static String passwordError(Model model, String username, String code) {
		model.addAttribute("username", username);
		model.addAttribute("error", code);
		return PASSWORD;
	}

	/**
	 * Off to the identity provider. In local mode the emulator's page ends the trip, on an origin the CSP's
	 * {@code form-action} lists, so a redirect does. In connected mode WorkOS (or Okta) sends the browser on to the
	 * organisation's IdP, whose origin nobody can list in advance, and Chromium checks every redirect that follows a
	 * form's POST against {@code form-action}: a page that continues by itself (a meta refresh, no script) starts a new
	 * navigation that is not a form's.
	 */
	private Object leave(String url) {
		return settings.localMode() ? redirect(url) : new ModelAndView(CONTINUE, Map.of("url", url));
	}

	private static View redirect(String url) {
		return Redirects.to(url);
	}

}
