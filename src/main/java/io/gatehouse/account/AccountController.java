package io.gatehouse.account;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.server.ResponseStatusException;

/** The signed-in person's own page. */
@Controller
class AccountController {

	private final Accounts accounts;

	AccountController(Accounts accounts) {
		this.accounts = accounts;
	}

	@GetMapping("/")
	String home() {
		return "redirect:/account";
	}

	@GetMapping("/account")
	String account(@AuthenticationPrincipal SignedInUser user, Model model) {
		model.addAttribute("account", accounts.overview(user.userId())
			.orElseThrow(() -> new ResponseStatusException(org.springframework.http.HttpStatus.NOT_FOUND)));
		return "account/overview";
	}

}
