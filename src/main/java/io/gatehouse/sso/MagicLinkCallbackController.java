package io.gatehouse.sso;

import java.time.Instant;
import java.util.Optional;

import io.gatehouse.account.AccountFacts;
import io.gatehouse.account.Accounts;
import io.gatehouse.account.SignedInUser;
import io.gatehouse.login.PendingSecondFactor;
import io.gatehouse.login.SecondFactors;
import io.gatehouse.login.SignIns;
import io.gatehouse.rules.LoginMethod;
import io.gatehouse.rules.LoginRules;
import io.gatehouse.rules.RuleDecision;
import io.gatehouse.login.RuleFacts;
import io.gatehouse.web.Redirects;
import io.gatehouse.workos.SsoProfile;
import io.gatehouse.workos.WorkOs;
import io.gatehouse.workos.WorkOsException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Where a magic link lands. A GET only shows "Continue signing in": mail scanners follow links, and must not use the
 * sign-in up. The POST finishes it, in the browser session that asked for the link, for an active account whose rule
 * is still "magic link"; a person with a second factor is asked for it next.
 */
@Controller
class MagicLinkCallbackController {

	private static final String METHOD = "magic_link";

	private final PendingSsoLogins pending;

	private final WorkOs workos;

	private final Accounts accounts;

	private final LoginRules rules;

	private final SecondFactors factors;

	private final SignIns signIns;

	private final FailurePage failures;

	MagicLinkCallbackController(PendingSsoLogins pending, WorkOs workos, Accounts accounts, LoginRules rules,
			SecondFactors factors, SignIns signIns, FailurePage failures) {
		this.pending = pending;
		this.workos = workos;
		this.accounts = accounts;
		this.rules = rules;
		this.factors = factors;
		this.signIns = signIns;
		this.failures = failures;
	}

	@GetMapping(MagicLinkSignIn.CALLBACK_PATH)
	String landing(@RequestParam(required = false) @Nullable String code,
			@RequestParam(required = false) @Nullable String state, Model model, HttpServletResponse response) {
		if (code == null || state == null || code.length() > 200 || state.length() > 200) {
			return failures.show(METHOD, SsoFailure.MISSING_CODE, null, null, model, response);
		}
		model.addAttribute("code", code);
		model.addAttribute("state", state);
		return "sso/magic-continue";
	}

	@PostMapping(MagicLinkSignIn.CALLBACK_PATH)
	Object complete(@RequestParam(required = false, defaultValue = "") String code,
			@RequestParam(required = false, defaultValue = "") String state, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		Optional<PendingSsoLogins.Pending> started = state.isEmpty() ? Optional.empty()
				: pending.take(request.getSession(false), state);
		if (started.isEmpty()) {
			return failures.show(METHOD, SsoFailure.STATE_INVALID, null, null, model, response);
		}
		SsoProfile profile;
		try {
			profile = workos.exchangeCode(code, null);
		}
		catch (WorkOsException e) {
			SsoFailure failure = switch (e.reason()) {
				case MALFORMED_RESPONSE -> SsoFailure.PROFILE_UNREADABLE;
				case UNREACHABLE, SERVER_ERROR, RATE_LIMITED -> SsoFailure.WORKOS_UNAVAILABLE;
				default -> SsoFailure.CODE_REJECTED;
			};
			return failures.show(METHOD, failure, null, started.get().loginHint(), model, response);
		}
		if (!MagicLinkSignIn.TARGET.matches(profile.connectionId(), profile.organizationId(), profile.connectionType())
				|| !profile.email().equalsIgnoreCase(started.get().loginHint())) {
			return failures.show(METHOD, SsoFailure.ORGANIZATION_MISMATCH, null, profile.email(), model, response);
		}
		Optional<AccountFacts> account = accounts.findForLogin(profile.email(), true, false);
		if (account.isEmpty() || !account.get().active()) {
			return failures.show(METHOD, SsoFailure.ACCOUNT_INACTIVE, null, profile.email(), model, response);
		}
		AccountFacts facts = account.get();
		boolean enrolled = factors.hasFactor(facts.userId());
		Optional<RuleDecision> rule = rules.forUser(RuleFacts.of(facts, enrolled))
			.filter(decision -> decision.method() == LoginMethod.MAGIC_LINK);
		if (rule.isEmpty()) {
			return failures.show(METHOD, SsoFailure.RULE_MISMATCH, null, profile.email(), model, response);
		}
		if (enrolled) {
			signIns.awaitSecondFactor(request, new PendingSecondFactor(facts.userId(), facts.email(), METHOD,
					"rule:" + rule.get().ruleName(), started.get().next(), false, false, rule.get().totpIssuer(), null, null,
					0, Instant.now()));
			return Redirects.to("/accounts/verify");
		}
		SignedInUser user = accounts.signedInWithPassword(facts.userId());
		return Redirects.to(signIns.succeed(request, response, user, METHOD, "rule:" + rule.get().ruleName(),
				started.get().next()));
	}

}
