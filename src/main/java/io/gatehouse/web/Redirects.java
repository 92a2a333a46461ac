package io.gatehouse.web;

import org.springframework.web.servlet.view.RedirectView;

/** Redirects to URLs that were built elsewhere (WorkOS, a checked {@code next}): taken literally, never as templates. */
public final class Redirects {

	private Redirects() {
	}

	public static RedirectView to(String url) {
		RedirectView redirect = new RedirectView(url);
		redirect.setExpandUriTemplateVariables(false);
		return redirect;
	}

}
