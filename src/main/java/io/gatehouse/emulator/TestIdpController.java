package io.gatehouse.emulator;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The pages WorkOS and the customer's IdP would host: the test IdP page behind {@code GET /sso/authorize} (pick a demo
 * person, type one, or deny) and the IdP dashboard from which an IdP-initiated sign-in starts.
 */
@Controller
@LocalModeOnly
public class TestIdpController {

	private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

	private static final String PAGE = "emulator/test-idp";

	private static final String PROBLEM = "emulator/problem";

	private final SsoDirectory directory;

	private final SsoGrants grants;

	private final EmulatorJson json;

	private final EmulatorSettings settings;

	private final @Nullable String appBaseUrl;

	private final RegisteredRedirects redirects;

	TestIdpController(SsoDirectory directory, SsoGrants grants, EmulatorJson json, EmulatorSettings settings,
			@Value("${gatehouse.base-url:}") @Nullable String appBaseUrl, RegisteredRedirects redirects) {
		this.redirects = redirects;
		this.directory = directory;
		this.grants = grants;
		this.json = json;
		this.settings = settings;
		this.appBaseUrl = StringUtils.hasText(appBaseUrl) ? appBaseUrl : null;
	}

	@GetMapping("/emulator/sso/authorize")
	String authorize(@RequestParam(name = "client_id", required = false) @Nullable String clientId,
			@RequestParam(name = "redirect_uri", required = false) @Nullable String redirectUri,
			@RequestParam(name = "response_type", required = false) @Nullable String responseType,
			@RequestParam(required = false) @Nullable String connection,
			@RequestParam(required = false) @Nullable String organization,
			@RequestParam(required = false) @Nullable String domain,
			@RequestParam(required = false) @Nullable String provider,
			@RequestParam(required = false) @Nullable String state,
			@RequestParam(name = "code_challenge", required = false) @Nullable String codeChallenge,
			@RequestParam(name = "code_challenge_method", required = false) @Nullable String codeChallengeMethod,
			@RequestParam(name = "login_hint", required = false) @Nullable String loginHint, Model model,
			HttpServletRequest http) {
		if (!settings.emulatorClientId().equals(clientId)) {
			throw new PageProblem("Unknown application", "The client_id of this sign-in request is not known to WorkOS.");
		}
		if (!redirects.allows(redirectUri, http)) {
			// Checked before any other error: errors are redirects too, and must not go to an unregistered place.
			throw invalidRedirectUri();
		}
		if (!"code".equals(responseType)) {
			return redirectError(redirectUri, state, "invalid_request", "response_type must be code.");
		}
		if (codeChallenge != null && !"S256".equals(codeChallengeMethod)) {
			return redirectError(redirectUri, state, "invalid_request", "code_challenge_method must be S256.");
		}
		Optional<SsoDirectory.Connection> target = resolve(connection, organization, domain, provider);
		if (target.isEmpty()) {
			String error = organization != null ? "organization_invalid" : "connection_invalid";
			String description = organization != null ? "No connection associated with organization"
					: provider != null ? "The provider " + provider + " is not enabled in this environment."
							: "No active connection matches this request.";
			return redirectError(redirectUri, state, error, description);
		}
		SsoGrants.AuthorizationRequest request = grants.openRequest(target.get().id(), clientId, redirectUri, state,
				codeChallenge, loginHint, null);
		return page(model, request, target.get(), new CustomPerson(loginHint, null, null, "{}", null), Map.of());
	}

	@PostMapping("/emulator/ui/authorize/{requestId}")
	String decide(@PathVariable String requestId, @RequestParam String action,
			@RequestParam(required = false) @Nullable String personId,
			@RequestParam(required = false) @Nullable String email,
			@RequestParam(required = false) @Nullable String firstName,
			@RequestParam(required = false) @Nullable String lastName,
			@RequestParam(required = false) @Nullable String rawAttributes,
			@RequestParam(required = false) @Nullable String simulate, Model model) {
		Optional<SsoGrants.AuthorizationRequest> pending = grants.pendingRequest(requestId);
		if (pending.isEmpty()) {
			throw new PageProblem("This sign-in request has expired",
					"It was already answered or is too old. Go back to the application and start signing in again.");
		}
		SsoGrants.AuthorizationRequest request = pending.get();
		SsoDirectory.Connection connection = directory.connection(request.connectionId()).orElseThrow();
		boolean malformed = "malformed_profile".equals(simulate);
		Map<String, Object> profile;
		switch (action) {
			case "deny" -> {
				grants.closeRequest(requestId);
				return redirectError(request.redirectUri(), request.state(), "access_denied",
						"The user denied the sign-in request.");
			}
			case "person" -> {
				Optional<SsoDirectory.Person> person = personId == null ? Optional.empty()
						: directory.person(connection.id(), personId);
				if (person.isEmpty()) {
					return page(model, request, connection, new CustomPerson(email, firstName, lastName, rawAttributes, simulate),
							Map.of("person", "Choose one of the people listed."));
				}
				SsoDirectory.Person p = person.get();
				profile = ApiShapes.profile(connection, p.idpId(), p.email(), p.firstName(), p.lastName(), p.groups(),
						p.rawAttributes(), malformed);
			}
			case "custom" -> {
				CustomPerson typed = new CustomPerson(email, firstName, lastName, rawAttributes, simulate);
				Map<String, String> errors = new LinkedHashMap<>();
				Map<String, Object> raw = Map.of();
				if (email == null || !EMAIL.matcher(email.trim()).matches()) {
					errors.put("email", "Enter an email address such as jane.doe@acme.test.");
				}
				try {
					raw = json.parseObject(StringUtils.hasText(rawAttributes) ? rawAttributes : "{}");
				}
				catch (IllegalArgumentException e) {
					errors.put("rawAttributes", e.getMessage());
				}
				if (!errors.isEmpty()) {
					return page(model, request, connection, typed, errors);
				}
				String address = email.trim();
				String idpId = "custom-" + Integer.toHexString(address.toLowerCase(Locale.ROOT).hashCode());
				profile = ApiShapes.profile(connection, idpId, address, blankToNull(firstName), blankToNull(lastName),
						List.of(), raw, malformed);
			}
			default -> {
				return page(model, request, connection, new CustomPerson(email, firstName, lastName, rawAttributes, simulate),
						Map.of());
			}
		}
		if (!grants.closeRequest(requestId)) {
			throw new PageProblem("This sign-in request was already answered",
					"Go back to the application and start signing in again.");
		}
		if (request.nonce() != null && simulate != null && simulate.startsWith("oidc_")) {
			profile.put("_simulate", simulate);
		}
		String code = request.nonce() == null ? grants.issueCode(request.clientId(), request.codeChallenge(), json.write(profile))
				: grants.issueCode(request.clientId(), request.codeChallenge(), json.write(profile), request.nonce(),
						request.redirectUri());
		UriComponentsBuilder back = UriComponentsBuilder.fromUriString(request.redirectUri()).queryParam("code", code);
		if (request.state() != null) {
			back.queryParam("state", request.state());
		}
		return "redirect:" + back.encode().build().toUriString();
	}

	@GetMapping("/emulator/idp")
	String dashboard(Model model) {
		List<Map<String, Object>> tiles = directory.connections().stream().filter(c -> c.organizationId() != null).map(c -> {
			Map<String, Object> tile = new LinkedHashMap<>();
			tile.put("connection", c);
			tile.put("organization", c.organizationId() == null ? null : directory.organization(c.organizationId()).orElse(null));
			tile.put("people", directory.people(c.id()));
			return tile;
		}).toList();
		model.addAttribute("tiles", tiles);
		return "emulator/idp-dashboard";
	}

	/**
	 * IdP-initiated: the person opens Gatehouse from their IdP's dashboard; the code arrives with no state, and with
	 * the {@code RelayState} the IdP was configured with, if any.
	 */
	@PostMapping("/emulator/ui/idp/{connectionId}/sign-in")
	String idpInitiated(@PathVariable String connectionId, @RequestParam String personId,
			@RequestParam(required = false) @Nullable String relayState, HttpServletRequest http) {
		Optional<SsoDirectory.Connection> connection = directory.connection(connectionId).filter(SsoDirectory.Connection::active);
		Optional<SsoDirectory.Person> person = connection.flatMap(c -> directory.person(c.id(), personId));
		if (person.isEmpty()) {
			throw new PageProblem("Unknown person", "This person or connection no longer exists in the emulator.");
		}
		SsoDirectory.Person p = person.get();
		Map<String, Object> profile = ApiShapes.profile(connection.get(), p.idpId(), p.email(), p.firstName(),
				p.lastName(), p.groups(), p.rawAttributes(), false);
		String code = grants.issueCode(settings.emulatorClientId(), null, json.write(profile));
		String callback = (appBaseUrl != null ? appBaseUrl : "http://localhost:" + http.getLocalPort())
				+ "/accounts/callback/sso";
		UriComponentsBuilder back = UriComponentsBuilder.fromUriString(callback).queryParam("code", code);
		if (StringUtils.hasText(relayState)) {
			back.queryParam("RelayState", relayState);
		}
		return "redirect:" + back.encode().build().toUriString();
	}

	public record CustomPerson(@Nullable String email, @Nullable String firstName, @Nullable String lastName,
			@Nullable String rawAttributes, @Nullable String simulate) {
	}

	String page(Model model, SsoGrants.AuthorizationRequest request, SsoDirectory.Connection connection,
			CustomPerson custom, Map<String, String> errors) {
		model.addAttribute("request", request);
		model.addAttribute("connection", connection);
		SsoDirectory.Organization organization = connection.organizationId() == null ? null
				: directory.organization(connection.organizationId()).orElse(null);
		model.addAttribute("organization", organization);
		model.addAttribute("heading", organization != null ? "Sign in to " + organization.name()
				: "Sign in with " + connection.typeLabel().replace(" OAuth", "").replace(" OIDC", ""));
		String hint = custom.email();
		model.addAttribute("people", directory.people(connection.id())
			.stream()
			.sorted(java.util.Comparator.comparing((SsoDirectory.Person p) -> !p.email().equalsIgnoreCase(hint)))
			.toList());
		model.addAttribute("custom", custom);
		model.addAttribute("errors", errors);
		return PAGE;
	}

	private Optional<SsoDirectory.Connection> resolve(@Nullable String connection, @Nullable String organization,
			@Nullable String domain, @Nullable String provider) {
		if (connection != null) {
			return directory.connection(connection).filter(SsoDirectory.Connection::active);
		}
		if (organization != null) {
			return directory.organization(organization).flatMap(o -> directory.activeConnectionOf(o.id()));
		}
		if (domain != null) {
			return directory.organizationByDomain(domain).flatMap(o -> directory.activeConnectionOf(o.id()));
		}
		return provider == null ? Optional.empty()
				: directory.connectionOfType(provider.equals("GithubOAuth") ? "GitHubOAuth" : provider)
					.filter(SsoDirectory.Connection::active);
	}

	private static String redirectError(String redirectUri, @Nullable String state, String error, String description) {
		UriComponentsBuilder back = UriComponentsBuilder.fromUriString(redirectUri)
			.queryParam("error", error)
			.queryParam("error_description", description);
		if (state != null) {
			back.queryParam("state", state);
		}
		return "redirect:" + back.encode().build().toUriString();
	}

	static PageProblem invalidRedirectUri() {
		return new PageProblem("Invalid redirect URI",
				"The redirect_uri of this sign-in request is not one of the application's registered redirect URIs.");
	}

	/** A request the test IdP cannot serve: shown on the emulator's problem page with status 400. */
	static final class PageProblem extends RuntimeException {

		private final String title;

		PageProblem(String title, String detail) {
			super(detail, null, false, false);
			this.title = title;
		}

	}

	@ExceptionHandler
	ModelAndView on(PageProblem problem) {
		return new ModelAndView(PROBLEM, Map.of("problemTitle", problem.title, "detail", problem.getMessage()),
				HttpStatus.BAD_REQUEST);
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return StringUtils.hasText(value) ? value.trim() : null;
	}

}
