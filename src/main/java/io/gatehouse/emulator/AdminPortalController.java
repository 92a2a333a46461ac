package io.gatehouse.emulator;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * WorkOS's Admin Portal, emulated: {@code POST /portal/generate_link} answers a link valid for 5 minutes, and the
 * link opens a page showing the organisation's SSO set-up. Links live in memory only: like WorkOS's, they are
 * short-lived by design.
 */
@Controller
@LocalModeOnly
class AdminPortalController {

	private static final Duration LINK_LIFETIME = Duration.ofMinutes(5);

	record PortalSession(String organizationId, @Nullable String returnUrl, Instant expiresAt) {
	}

	private final Map<String, PortalSession> sessions = new ConcurrentHashMap<>();

	private final SsoDirectory directory;

	AdminPortalController(SsoDirectory directory) {
		this.directory = directory;
	}

	/** The API half: {@code POST /portal/generate_link}, behind the API key like every emulated API. */
	@org.springframework.web.bind.annotation.RestController
	@EmulatorApi
	@LocalModeOnly
	static class Api {

		private final AdminPortalController portal;

		Api(AdminPortalController portal) {
			this.portal = portal;
		}

		@PostMapping("/emulator/portal/generate_link")
		Map<String, Object> generateLink(@RequestBody Map<String, Object> body, HttpServletRequest request) {
			Object organization = body.get("organization");
			if (!(organization instanceof String id) || portal.directory.organization(id).isEmpty()) {
				throw ApiFailure.of(HttpStatus.UNPROCESSABLE_ENTITY, "invalid_request_parameters",
						"organization must name an existing organization.");
			}
			Instant now = Instant.now();
			portal.sessions.values().removeIf(s -> s.expiresAt().isBefore(now));
			String token = Ids.secret();
			portal.sessions.put(token, new PortalSession(id,
					body.get("return_url") instanceof String url ? url : null, now.plus(LINK_LIFETIME)));
			Map<String, Object> answer = new LinkedHashMap<>();
			answer.put("link", ServletUriComponentsBuilder.fromContextPath(request)
				.path("/emulator/portal/{token}")
				.buildAndExpand(token)
				.toUriString());
			return answer;
		}

	}

	@GetMapping("/emulator/portal/{token}")
	ModelAndView portal(@PathVariable String token, Model model) {
		PortalSession session = sessions.get(token);
		if (session == null || session.expiresAt().isBefore(Instant.now())) {
			return new ModelAndView("emulator/problem", Map.of("problemTitle", "This Admin Portal link has expired",
					"detail", "Admin Portal links work for 5 minutes. Open the portal again from the application."),
					HttpStatus.GONE);
		}
		SsoDirectory.Organization organization = directory.organization(session.organizationId()).orElseThrow();
		model.addAttribute("organization", organization);
		model.addAttribute("connections",
				directory.connections().stream().filter(c -> organization.id().equals(c.organizationId())).toList());
		model.addAttribute("returnUrl", session.returnUrl());
		return new ModelAndView("emulator/admin-portal", model.asMap());
	}

}
