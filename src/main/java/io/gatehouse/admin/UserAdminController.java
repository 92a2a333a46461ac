package io.gatehouse.admin;

import java.util.List;
import java.util.Map;

import io.gatehouse.account.AccountActivation;
import io.gatehouse.account.AccountFacts;
import io.gatehouse.account.AccountLocks;
import io.gatehouse.account.AccountOverview;
import io.gatehouse.account.Accounts;
import io.gatehouse.account.RecentAuthenticationRequired;
import io.gatehouse.account.SignedInUser;
import io.gatehouse.account.UserSessions;
import io.gatehouse.login.RuleFacts;
import io.gatehouse.mfa.FactorView;
import io.gatehouse.mfa.Factors;
import io.gatehouse.rules.LoginRules;
import io.gatehouse.rules.RuleDecision;
import io.gatehouse.workos.WorkOsException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Slice;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Users with search: each person's effective rule, linked identities and locks; resetting a person's factors, signing
 * them out everywhere and deactivating the account, each after a confirmation page; reactivating and unlocking.
 */
@Controller
class UserAdminController {

	static final int PAGE_SIZE = 25;

	/** One row of the users list. */
	record UserRow(AccountFacts account, @Nullable RuleDecision rule, List<String> identities, List<FactorView> factors,
			List<String> locks) {
	}

	private final Accounts accounts;

	private final LoginRules rules;

	private final Factors factors;

	private final UserSessions sessions;

	private final AccountActivation activation;

	private final AccountLocks locks;

	UserAdminController(Accounts accounts, LoginRules rules, Factors factors, UserSessions sessions,
			AccountActivation activation, AccountLocks locks) {
		this.accounts = accounts;
		this.rules = rules;
		this.factors = factors;
		this.sessions = sessions;
		this.activation = activation;
		this.locks = locks;
	}

	@GetMapping("/admin/users")
	String users(@RequestParam(required = false) @Nullable String q, @RequestParam(defaultValue = "0") int page,
			@AuthenticationPrincipal SignedInUser admin, Model model) {
		String search = q == null || q.length() > 200 ? null : q;
		Slice<AccountFacts> slice = accounts.users(search, page, PAGE_SIZE);
		Map<Long, List<String>> locked = locks.locked(slice.getContent().stream().map(AccountFacts::userId).toList());
		List<UserRow> rows = slice.getContent().stream().map(account -> {
			List<FactorView> enrolled = factors.list(account.userId());
			return new UserRow(account, rules.forUser(RuleFacts.of(account, !enrolled.isEmpty())).orElse(null),
					identities(account.userId()), enrolled, locked.getOrDefault(account.userId(), List.of()));
		}).toList();
		model.addAttribute("currentUserId", admin.userId());
		model.addAttribute("q", search);
		model.addAttribute("rows", rows);
		model.addAttribute("page", slice.getNumber());
		model.addAttribute("hasNext", slice.hasNext());
		return "admin/users";
	}

	@RecentAuthenticationRequired(minutes = 15)
	@GetMapping("/admin/users/{id}/reset-factors")
	String confirmReset(@PathVariable long id, Model model) {
		AccountFacts account = accounts.facts(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		model.addAttribute("account", account);
		model.addAttribute("factors", factors.list(id));
		return "admin/reset-factors";
	}

	@RecentAuthenticationRequired(minutes = 15, returnTo = "/admin/users")
	@PostMapping("/admin/users/{id}/reset-factors")
	String reset(@PathVariable long id, @AuthenticationPrincipal SignedInUser admin, RedirectAttributes redirect) {
		AccountFacts account = accounts.facts(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		try {
			factors.reset(id, account.email(), admin.email());
			redirect.addFlashAttribute("message", "admin.users.factors-reset");
		}
		catch (WorkOsException e) {
			redirect.addFlashAttribute("message", "mfa.workos-unavailable");
		}
		redirect.addAttribute("q", account.email());
		return "redirect:/admin/users";
	}

	@GetMapping("/admin/users/{id}/sign-out")
	String confirmSignOut(@PathVariable long id, Model model) {
		AccountFacts account = accounts.facts(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		model.addAttribute("account", account);
		model.addAttribute("sessions", sessions.list(id, null));
		return "admin/sign-out";
	}

	/** Ends all of the person's sessions (an administrator signing out themselves keeps the session in use). */
	@PostMapping("/admin/users/{id}/sign-out")
	String signOut(@PathVariable long id, @AuthenticationPrincipal SignedInUser admin, HttpServletRequest request,
			RedirectAttributes redirect) {
		AccountFacts account = accounts.facts(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		HttpSession own = request.getSession(false);
		sessions.signOutEverywhere(id, account.email(), admin.email(), own != null ? own.getId() : null);
		redirect.addFlashAttribute("message", "admin.users.signed-out");
		redirect.addAttribute("q", account.email());
		return "redirect:/admin/users";
	}

	/** Lifts the hard stop of the person's password and codes (a POST from the users list). */
	@RecentAuthenticationRequired(minutes = 15, returnTo = "/admin/users")
	@PostMapping("/admin/users/{id}/unlock")
	String unlock(@PathVariable long id, @AuthenticationPrincipal SignedInUser admin, RedirectAttributes redirect) {
		AccountFacts account = found(id);
		locks.unlock(id, admin.email());
		redirect.addFlashAttribute("message", "admin.users.unlocked");
		redirect.addAttribute("q", account.email());
		return "redirect:/admin/users";
	}

	@RecentAuthenticationRequired(minutes = 15)
	@GetMapping("/admin/users/{id}/deactivate")
	String confirmDeactivate(@PathVariable long id, @AuthenticationPrincipal SignedInUser admin, Model model) {
		AccountFacts account = found(id);
		model.addAttribute("account", account);
		model.addAttribute("own", admin.userId() == id);
		model.addAttribute("byDirectory", activation.deactivatedByDirectory(id));
		model.addAttribute("sessions", sessions.list(id, null));
		return "admin/deactivate";
	}

	/** Deactivates the account and ends all of its sessions; an administrator cannot deactivate themselves. */
	@RecentAuthenticationRequired(minutes = 15, returnTo = "/admin/users")
	@PostMapping("/admin/users/{id}/deactivate")
	String deactivate(@PathVariable long id, @AuthenticationPrincipal SignedInUser admin, RedirectAttributes redirect) {
		AccountFacts account = found(id);
		return afterActivation(activation.deactivate(id, admin), account, redirect);
	}

	@RecentAuthenticationRequired(minutes = 15, returnTo = "/admin/users")
	@PostMapping("/admin/users/{id}/reactivate")
	String reactivate(@PathVariable long id, @AuthenticationPrincipal SignedInUser admin, RedirectAttributes redirect) {
		AccountFacts account = found(id);
		return afterActivation(activation.reactivate(id, admin), account, redirect);
	}

	private static String afterActivation(AccountActivation.Outcome outcome, AccountFacts account,
			RedirectAttributes redirect) {
		redirect.addFlashAttribute("message", switch (outcome) {
			case DEACTIVATED -> "admin.users.deactivated";
			case REACTIVATED -> "admin.users.reactivated";
			case REFUSED_OWN_ACCOUNT -> "admin.users.cannot-deactivate-self";
			case UNCHANGED, NOT_FOUND -> "admin.users.unchanged";
		});
		redirect.addAttribute("q", account.email());
		return "redirect:/admin/users";
	}

	private AccountFacts found(long id) {
		return accounts.facts(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

	private List<String> identities(long userId) {
		return accounts.overview(userId)
			.map(o -> o.identities().stream().map(AccountOverview.LinkedIdentity::connectionType).distinct().toList())
			.orElse(List.of());
	}


}
