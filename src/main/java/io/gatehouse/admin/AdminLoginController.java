package io.gatehouse.admin;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/** No side door: {@code /admin/login} never takes credentials, whatever the method; it sends you to the login page. */
@Controller
class AdminLoginController {

	@RequestMapping("/admin/login")
	String login() {
		return "redirect:/accounts/login?next=/admin/";
	}

}
