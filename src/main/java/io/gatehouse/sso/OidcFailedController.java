package io.gatehouse.sso;

import java.util.Arrays;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Shows why an OIDC sign-in ended without a session (already audited by {@link OidcLogin}). */
@Controller
class OidcFailedController {

	@GetMapping("/accounts/oidc-failed")
	String failed(@RequestParam(required = false, defaultValue = "") String reason, Model model,
			HttpServletResponse response) {
		SsoFailure failure = Arrays.stream(SsoFailure.values())
			.filter(f -> f.code().equals(reason))
			.findFirst()
			.orElse(SsoFailure.IDP_ERROR);
		response.setStatus(failure.status().value());
		model.addAttribute("failure", failure.code());
		return FailurePage.VIEW;
	}

}
