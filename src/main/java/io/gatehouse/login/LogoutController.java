package io.gatehouse.login;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** Logout is a POST (handled by Spring Security); a GET only asks for confirmation, so a link cannot sign you out. */
@Controller
class LogoutController {

	@GetMapping("/accounts/logout")
	String confirm() {
		return "login/logout";
	}

}
