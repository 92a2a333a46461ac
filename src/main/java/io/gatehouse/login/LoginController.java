package io.gatehouse.login;

import java.util.Optional;

import io.gatehouse.account.Accounts;
import io.gatehouse.account.OrganizationRef;
import io.gatehouse.settings.GatehouseSettings;
import io.gatehouse.settings.PublicUrls;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.View;
import org.springframework.web.servlet.view.RedirectView;

/**
 * The two-step login page. Step 1 asks who you are; step 2 depends on how you sign in. For now an email whose domain
 * belongs to a known organisation goes to that organisation's SSO (the rules engine will decide this).
 */
@Controller
class LoginController {

	static final String IDENTIFY = "login/identify";

	private final Accounts accounts;

	private final SsoLauncher sso;

	private final GatehouseSettings settings;

	private final PublicUrls urls;

	LoginController(Accounts accounts, SsoLauncher sso, GatehouseSettings settings, PublicUrls urls) {
		this.accounts = accounts;
		this.sso = sso;
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
		IdentifyForm form = IdentifyForm.empty(username, SafeRedirects.isSafe(next) ? next : null);
		if (start && username != null && !username.isBlank()) {
			Optional<OrganizationRef> organization = accounts.organizationForEmail(form.trimmedUsername());
			if (organization.isPresent()) {
				return launch(request, organization.get(), form);
			}
		}
		model.addAttribute("form", form);
		return IDENTIFY;
	}

	@PostMapping("/accounts/login")
	Object submit(@Valid @ModelAttribute("form") IdentifyForm form, BindingResult result, HttpServletRequest request) {
		if (result.hasErrors()) {
			return IDENTIFY;
		}
		Optional<OrganizationRef> organization = accounts.organizationForEmail(form.trimmedUsername());
		if (organization.isEmpty()) {
			result.rejectValue("username", "login.username.no-method");
			return IDENTIFY;
		}
		return launch(request, organization.get(), form);
	}

	private View launch(HttpServletRequest request, OrganizationRef organization, IdentifyForm form) {
		String url = sso.launch(request, organization, form.trimmedUsername(), SafeRedirects.next(form.next()));
		RedirectView redirect = new RedirectView(url);
		redirect.setExpandUriTemplateVariables(false);
		return redirect;
	}

}
