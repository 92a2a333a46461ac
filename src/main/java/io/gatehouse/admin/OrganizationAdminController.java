package io.gatehouse.admin;

import io.gatehouse.account.Accounts;
import io.gatehouse.account.OrganizationRef;
import io.gatehouse.account.RecentAuthenticationRequired;
import io.gatehouse.account.SignedInUser;
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
 * The organisations imported from WorkOS, and for each whether sign-ins started at its IdP's dashboard (with no
 * state) are accepted: an administrator's choice, in local and connected mode alike, changed by a POST and audited.
 */
@Controller
class OrganizationAdminController {

	private final Accounts accounts;

	OrganizationAdminController(Accounts accounts) {
		this.accounts = accounts;
	}

	@GetMapping("/admin/organizations")
	String organizations(Model model) {
		model.addAttribute("organizations", accounts.organizations());
		return "admin/organizations";
	}

	@RecentAuthenticationRequired(minutes = 15, returnTo = "/admin/organizations")
	@PostMapping("/admin/organizations/{id}/idp-initiated")
	String idpInitiated(@PathVariable long id, @RequestParam boolean allowed,
			@AuthenticationPrincipal SignedInUser admin, RedirectAttributes redirect) {
		OrganizationRef organization = accounts.setIdpInitiated(id, allowed, admin.email())
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		redirect.addFlashAttribute("message",
				allowed ? "admin.organizations.idp-initiated-allowed" : "admin.organizations.idp-initiated-stopped");
		redirect.addFlashAttribute("messageArgument", organization.name());
		return "redirect:/admin/organizations";
	}

}
