package io.gatehouse.settings;

import java.net.URI;
import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Every Gatehouse setting, bound from {@code gatehouse.*}. Malformed values stop start-up with one line naming the
 * environment variable to fix.
 *
 * @param baseUrl public URL of this Gatehouse ({@code GATEHOUSE_BASE_URL}); empty means {@code http://localhost:<port>}
 * @param workos how to reach WorkOS; an empty API key means local mode with the embedded emulator
 * @param local the credentials the app and the embedded emulator share in local mode
 */
@ConfigurationProperties("gatehouse")
public record GatehouseSettings(@Nullable URI baseUrl, WorkOs workos, Local local, Login login, Admin admin,
		Okta okta) {

	@ConstructorBinding
	public GatehouseSettings(@Nullable String baseUrl, @DefaultValue WorkOs workos, @DefaultValue Local local,
			@DefaultValue Login login, @DefaultValue Admin admin, @DefaultValue Okta okta) {
		this(httpUrl("GATEHOUSE_BASE_URL", baseUrl), workos, local, login, admin, okta);
	}

	public GatehouseSettings {
		if (baseUrl != null && (baseUrl.getRawQuery() != null || baseUrl.getRawFragment() != null)) {
			throw new IllegalArgumentException("GATEHOUSE_BASE_URL must not have a query or fragment (got '" + baseUrl + "')");
		}
	}

	/** True when no WorkOS API key is set: the app talks to the embedded emulator and seeds demo data. */
	public boolean localMode() {
		return workos.apiKey() == null;
	}

	/**
	 * @param apiKey {@code WORKOS_API_KEY}
	 * @param clientId {@code WORKOS_CLIENT_ID}, required with an API key
	 * @param apiBaseUrl {@code WORKOS_API_BASE_URL}, an optional override of where the SDK sends requests
	 * @param webhookSecret {@code WORKOS_WEBHOOK_SECRET}
	 * @param maxRetries retries of the SDK on 429, 5xx and I/O errors
	 * @param timeout the SDK's whole-call time limit
	 */
	public record WorkOs(@Nullable String apiKey, @Nullable String clientId, @Nullable URI apiBaseUrl,
			@Nullable String webhookSecret, int maxRetries, Duration timeout) {

		@ConstructorBinding
		public WorkOs(@Nullable String apiKey, @Nullable String clientId, @Nullable String apiBaseUrl,
				@Nullable String webhookSecret, @DefaultValue("3") int maxRetries, @DefaultValue("10s") Duration timeout) {
			this(blankToNull(apiKey), blankToNull(clientId), httpUrl("WORKOS_API_BASE_URL", apiBaseUrl),
					blankToNull(webhookSecret), maxRetries, timeout);
		}

		public WorkOs {
			if (apiKey != null && clientId == null) {
				throw new IllegalArgumentException("WORKOS_CLIENT_ID must be set when WORKOS_API_KEY is set");
			}
			if (maxRetries < 0 || maxRetries > 5) {
				throw new IllegalArgumentException("gatehouse.workos.max-retries must be between 0 and 5 (got " + maxRetries + ")");
			}
			if (timeout.isNegative() || timeout.isZero()) {
				throw new IllegalArgumentException("gatehouse.workos.timeout must be positive (got " + timeout + ")");
			}
		}

	}

	/**
	 * @param emulatorApiKey the API key the embedded emulator accepts
	 * @param emulatorClientId the client id the embedded emulator knows
	 * @param idpInitiatedDomains demo organisations (by domain) that allow IdP-initiated sign-in when first imported
	 * @param emulatorOktaClientId the client id of the emulated Okta (OIDC) in local mode
	 * @param emulatorOktaClientSecret its client secret
	 * @param emulatorWebhookSecret the secret the embedded emulator signs its webhooks with
	 */
	public record Local(@DefaultValue("sk_test_gatehouse_local") String emulatorApiKey,
			@DefaultValue("client_gatehouse_local") String emulatorClientId,
			@DefaultValue("acme.test") java.util.List<String> idpInitiatedDomains,
			@DefaultValue("okta-local-client") String emulatorOktaClientId,
			@DefaultValue("okta-local-secret") String emulatorOktaClientSecret,
			@DefaultValue("whsec_gatehouse_local") String emulatorWebhookSecret) {
	}

	/**
	 * Direct OpenID Connect with Okta. All three set: the "OIDC (Okta)" method is available; none set: it is not (in
	 * local mode the embedded emulator's Okta is used instead).
	 *
	 * @param issuer {@code OKTA_ISSUER}, e.g. https://acme.okta.com/oauth2/default
	 * @param clientId {@code OKTA_CLIENT_ID}
	 * @param clientSecret {@code OKTA_CLIENT_SECRET}
	 */
	public record Okta(@Nullable URI issuer, @Nullable String clientId, @Nullable String clientSecret) {

		@ConstructorBinding
		public Okta(@Nullable String issuer, @Nullable String clientId, @Nullable String clientSecret) {
			this(httpUrl("OKTA_ISSUER", issuer), blankToNull(clientId), blankToNull(clientSecret));
		}

		public Okta {
			int given = (issuer != null ? 1 : 0) + (clientId != null ? 1 : 0) + (clientSecret != null ? 1 : 0);
			if (given != 0 && given != 3) {
				throw new IllegalArgumentException("Set all of OKTA_ISSUER, OKTA_CLIENT_ID and OKTA_CLIENT_SECRET, or none");
			}
		}

		public boolean configured() {
			return issuer != null;
		}

	}

	/**
	 * How step 1 of the login page finds an account.
	 *
	 * @param lookupByEmail by case-insensitive email
	 * @param lookupByUsername by username
	 * @param hashingThreads how many threads hash passwords (so how many hashes run at once); 0 means one fewer than the
	 * cores (at least 1)
	 * @param magicLinkSender who e-mails magic links: {@code workos} (WorkOS sends its own e-mail) or {@code app}
	 * (Gatehouse sends it through its mail server)
	 */
	public record Login(@DefaultValue("true") boolean lookupByEmail, @DefaultValue("true") boolean lookupByUsername,
			@DefaultValue("0") int hashingThreads, @DefaultValue("workos") String magicLinkSender) {

		public Login {
			if (!lookupByEmail && !lookupByUsername) {
				throw new IllegalArgumentException(
						"gatehouse.login: at least one of lookup-by-email and lookup-by-username must be true");
			}
			if (!"workos".equals(magicLinkSender) && !"app".equals(magicLinkSender)) {
				throw new IllegalArgumentException(
						"gatehouse.login.magic-link-sender must be workos or app (got '" + magicLinkSender + "')");
			}
			if (hashingThreads < 0 || hashingThreads > 256) {
				throw new IllegalArgumentException("gatehouse.login.hashing-threads must be between 0 and 256");
			}
		}

	}

	/**
	 * The first administrator, created at start-up when there is none.
	 *
	 * @param email {@code GATEHOUSE_ADMIN_EMAIL}
	 * @param password {@code GATEHOUSE_ADMIN_PASSWORD}; in local mode, if unset, one is generated and printed once
	 */
	public record Admin(@Nullable String email, @Nullable String password) {

		public Admin {
			email = blankToNull(email);
			password = blankToNull(password);
			if (password != null && password.length() < 12) {
				throw new IllegalArgumentException("GATEHOUSE_ADMIN_PASSWORD must have at least 12 characters");
			}
			if (password != null && email == null) {
				throw new IllegalArgumentException("GATEHOUSE_ADMIN_EMAIL must be set with GATEHOUSE_ADMIN_PASSWORD");
			}
		}

	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return value == null || value.isBlank() ? null : value.trim();
	}

	private static @Nullable URI httpUrl(String variable, @Nullable String value) {
		String text = blankToNull(value);
		if (text == null) {
			return null;
		}
		try {
			URI uri = new URI(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
			if (uri.getScheme() != null && uri.getScheme().matches("https?") && uri.getHost() != null) {
				return uri;
			}
		}
		catch (java.net.URISyntaxException ignored) {
			// reported below with the variable's name
		}
		throw new IllegalArgumentException(
				variable + " must be an absolute http(s) URL such as https://login.example.com (got '" + text + "')");
	}

}
