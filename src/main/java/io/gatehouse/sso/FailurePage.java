package io.gatehouse.sso;

import io.gatehouse.login.SignIns;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** Ends a sign-in that came back from WorkOS without success: a friendly page, the right status, an audit entry. */
@Component
class FailurePage {

	static final String VIEW = "sso/failed";

	private final SignIns signIns;

	FailurePage(SignIns signIns) {
		this.signIns = signIns;
	}

	String show(String method, SsoFailure failure, @Nullable String detail, @Nullable String subject, Model model,
			HttpServletResponse response) {
		signIns.fail(method, detail == null ? failure.code() : failure.code() + ":" + detail, subject);
		response.setStatus(failure.status().value());
		model.addAttribute("failure", failure.code());
		model.addAttribute("username", subject);
		return VIEW;
	}

}
