package io.gatehouse.admin;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.gatehouse.account.AccountFacts;
import io.gatehouse.account.Accounts;
import io.gatehouse.account.OrganizationRef;
import io.gatehouse.account.RecentAuthenticationRequired;
import io.gatehouse.account.SignedInUser;
import io.gatehouse.login.OidcLauncher;
import io.gatehouse.login.RuleFacts;
import io.gatehouse.mfa.Factors;
import io.gatehouse.rules.JitMode;
import io.gatehouse.rules.LoginMethod;
import io.gatehouse.rules.LoginRules;
import io.gatehouse.rules.RuleDraft;
import io.gatehouse.rules.RuleView;
import io.gatehouse.settings.GatehouseSettings;
import io.gatehouse.settings.PublicUrls;
import io.gatehouse.web.Redirects;
import io.gatehouse.workos.SsoConnection;
import io.gatehouse.workos.WorkOs;
import io.gatehouse.workos.WorkOsException;
import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The login rules editor: list, create, edit, enable/disable, delete (after confirmation) and the rule tester. */
@Controller
class RuleAdminController {

	static final String EDIT = "admin/rules/edit";

	private final LoginRules rules;

	private final Accounts accounts;

	private final WorkOs workos;

	private final GatehouseSettings settings;

	private final PublicUrls urls;

	private final Factors factors;

	private final OidcLauncher oidc;

	RuleAdminController(LoginRules rules, Accounts accounts, WorkOs workos, GatehouseSettings settings, PublicUrls urls,
			Factors factors, OidcLauncher oidc) {
		this.oidc = oidc;
		this.factors = factors;
		this.rules = rules;
		this.accounts = accounts;
		this.workos = workos;
		this.settings = settings;
		this.urls = urls;
	}

	@GetMapping({ "/admin", "/admin/" })
	String home() {
		return "redirect:/admin/rules";
	}

	@GetMapping("/admin/rules")
	String list(Model model) {
		List<RuleView> all = rules.list();
		model.addAttribute("rules", all);
		model.addAttribute("grantingAdmin", all.stream()
			.filter(rule -> rules.grantsAdmin(rule.toDraft()))
			.map(RuleView::id)
			.collect(java.util.stream.Collectors.toSet()));
		model.addAttribute("organizations", organizationNames());
		return "admin/rules/list";
	}

	@RecentAuthenticationRequired(minutes = 15)
	@GetMapping("/admin/rules/new")
	String create(Model model) {
		model.addAttribute("rule", RuleDraft.blank(rules.nextPriority()));
		return edit(model, null);
	}

	@RecentAuthenticationRequired(minutes = 15, returnTo = "/admin/rules")
	@PostMapping("/admin/rules")
	String create(@Valid @ModelAttribute("rule") RuleDraft rule, BindingResult result, Model model,
			@AuthenticationPrincipal SignedInUser admin, RedirectAttributes redirect) {
		return save(null, rule, result, model, admin, redirect);
	}

	@RecentAuthenticationRequired(minutes = 15)
	@GetMapping("/admin/rules/{id}")
	String edit(@PathVariable long id, Model model) {
		RuleView rule = rules.get(id).orElseThrow(() -> new ResponseStatusException(org.springframework.http.HttpStatus.NOT_FOUND));
		model.addAttribute("rule", rule.toDraft());
		return edit(model, id);
	}

	@RecentAuthenticationRequired(minutes = 15, returnTo = "/admin/rules")
	@PostMapping("/admin/rules/{id}")
	String update(@PathVariable long id, @Valid @ModelAttribute("rule") RuleDraft rule, BindingResult result,
			Model model, @AuthenticationPrincipal SignedInUser admin, RedirectAttributes redirect) {
		return save(id, rule, result, model, admin, redirect);
	}

	@RecentAuthenticationRequired(minutes = 15, returnTo = "/admin/rules")
	@PostMapping("/admin/rules/{id}/enabled")
	String enable(@PathVariable long id, @RequestParam boolean enabled, @AuthenticationPrincipal SignedInUser admin,
			RedirectAttributes redirect) {
		rules.enable(id, enabled, admin.email());
		redirect.addFlashAttribute("message", enabled ? "admin.rules.enabled" : "admin.rules.disabled");
		return "redirect:/admin/rules";
	}

	@RecentAuthenticationRequired(minutes = 15)
	@GetMapping("/admin/rules/{id}/delete")
	String confirmDelete(@PathVariable long id, Model model) {
		model.addAttribute("rule",
				rules.get(id).orElseThrow(() -> new ResponseStatusException(org.springframework.http.HttpStatus.NOT_FOUND)));
		return "admin/rules/delete";
	}

	@RecentAuthenticationRequired(minutes = 15, returnTo = "/admin/rules")
	@PostMapping("/admin/rules/{id}/delete")
	String delete(@PathVariable long id, @AuthenticationPrincipal SignedInUser admin, RedirectAttributes redirect) {
		rules.delete(id, admin.email());
		redirect.addFlashAttribute("message", "admin.rules.deleted");
		return "redirect:/admin/rules";
	}

	/** Opens WorkOS's Admin Portal for the SSO rule's organisation, so its IT admin can set up the connection. */
	@PostMapping("/admin/rules/{id}/portal")
	Object adminPortal(@PathVariable long id, RedirectAttributes redirect) {
		RuleView rule = rules.get(id).orElseThrow(() -> new ResponseStatusException(org.springframework.http.HttpStatus.NOT_FOUND));
		if (rule.organizationId() == null) {
			return "redirect:/admin/rules";
		}
		try {
			return Redirects.to(workos.adminPortalLink(rule.organizationId(), urls.absolute("/admin/rules")));
		}
		catch (WorkOsException e) {
			redirect.addFlashAttribute("message", "admin.rules.portal-unavailable");
			return "redirect:/admin/rules";
		}
	}

	@GetMapping("/admin/rules/test")
	String test(@RequestParam(required = false) @Nullable String username, Model model) {
		model.addAttribute("username", username);
		if (username != null && !username.isBlank() && username.length() <= 320) {
			Optional<AccountFacts> account = accounts.findForLogin(username, settings.login().lookupByEmail(),
					settings.login().lookupByUsername());
			model.addAttribute("account", account.orElse(null));
			model.addAttribute("lines",
					rules.explain(account.map(a -> RuleFacts.of(a, factors.hasFactor(a.userId()))).orElse(null), username.trim()));
		}
		return "admin/rules/test";
	}

	private String save(@Nullable Long id, RuleDraft rule, BindingResult result, Model model, SignedInUser admin,
			RedirectAttributes redirect) {
		if (rule.parsedMethod() == LoginMethod.OIDC && !oidc.available()) {
			result.rejectValue("method", "admin.rules.oidc-unavailable");
		}
		Map<String, String> errors;
		if (result.hasErrors()) {
			errors = rules.validate(rule);
		}
		else {
			LoginRules.SaveResult saved = rules.save(id, rule, admin.email());
			if (saved.saved()) {
				redirect.addFlashAttribute("message", id == null ? "admin.rules.created" : "admin.rules.saved");
				return "redirect:/admin/rules";
			}
			errors = saved.errors();
		}
		errors.forEach((field, message) -> {
			if (!result.hasFieldErrors(field)) {
				result.rejectValue(field, "invalid", message);
			}
		});
		return edit(model, id);
	}

	private String edit(Model model, @Nullable Long id) {
		model.addAttribute("ruleId", id);
		model.addAttribute("grantsAdmin", model.getAttribute("rule") instanceof RuleDraft draft && rules.grantsAdmin(draft));
		model.addAttribute("methods", Arrays.asList(LoginMethod.values()));
		model.addAttribute("jitModes", Arrays.asList(JitMode.values()));
		model.addAttribute("organizations", accounts.organizations());
		model.addAttribute("connections", connections());
		model.addAttribute("oidcAvailable", oidc.available());
		return EDIT;
	}

	private List<SsoConnection> connections() {
		try {
			return workos.connections();
		}
		catch (WorkOsException e) {
			return List.of();
		}
	}

	private Map<String, String> organizationNames() {
		return accounts.organizations()
			.stream()
			.collect(java.util.stream.Collectors.toMap(OrganizationRef::workosId, OrganizationRef::name, (a, b) -> a));
	}

}
