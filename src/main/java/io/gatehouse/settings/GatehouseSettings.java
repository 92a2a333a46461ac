package io.gatehouse.settings;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Every Gatehouse setting, bound from {@code gatehouse.*}. Malformed values stop start-up with one line naming the
 * environment variable to fix.
 *
 * @param mode local (the embedded emulator) or connected (real WorkOS), from {@code GATEHOUSE_MODE} or, when that is
 * unset, from whether the {@code WORKOS_*} variables are set ({@link GatehouseMode#resolve})
 * @param baseUrl public URL of this Gatehouse ({@code GATEHOUSE_BASE_URL}); empty means {@code http://localhost:<port>}
 * @param workos how to reach WorkOS; an empty API key means local mode with the embedded emulator
 * @param local the credentials the app and the embedded emulator share in local mode
 * @param removeDemoData {@code GATEHOUSE_REMOVE_DEMO_DATA}: in connected mode, delete what local mode seeded (demo
 * accounts, rules and organisations, the generated administrator) at start-up instead of refusing to start
 */
@ConfigurationProperties("gatehouse")
public record GatehouseSettings(GatehouseMode mode, @Nullable URI baseUrl, WorkOs workos, Local local, Login login,
		Admin admin, Okta okta, boolean removeDemoData) {

	@ConstructorBinding
	public GatehouseSettings(@Nullable String mode, @Nullable String baseUrl, @DefaultValue WorkOs workos,
			@DefaultValue Local local, @DefaultValue Login login, @DefaultValue Admin admin, @DefaultValue Okta okta,
			@DefaultValue("false") boolean removeDemoData) {
		this(GatehouseMode.resolve(mode, workos.apiKey(), workos.clientId(), workos.apiBaseUrl() != null,
				workos.webhookSecret()), httpUrl("GATEHOUSE_BASE_URL", baseUrl), workos, local, login, admin, okta,
				removeDemoData);
	}

	public GatehouseSettings {
		if (baseUrl != null && (baseUrl.getRawQuery() != null || baseUrl.getRawFragment() != null)) {
			throw new IllegalArgumentException("GATEHOUSE_BASE_URL must not have a query or fragment (got '" + baseUrl + "')");
		}
	}

	/** True in local mode: the app talks to the embedded emulator and seeds demo data. */
	public boolean localMode() {
		return mode == GatehouseMode.LOCAL;
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
			if (maxRetries < 0 || maxRetries > 5) {
				throw new IllegalArgumentException("gatehouse.workos.max-retries must be between 0 and 5 (got " + maxRetries + ")");
			}
			if (timeout.isNegative() || timeout.isZero()) {
				throw new IllegalArgumentException("gatehouse.workos.timeout must be positive (got " + timeout + ")");
			}
		}

	}

	/**
	 * Local mode. The secrets are random per install: generated at the first start and kept in the emulator's
	 * database (the emulator module does this before the app starts); nothing falls back to a constant.
	 *
	 * @param exposed {@code GATEHOUSE_LOCAL_MODE_EXPOSED}: listen on every interface and serve the emulator to any
	 * client, for a shared demo on purpose; otherwise local mode listens on {@code 127.0.0.1} only
	 * @param dataDir {@code GATEHOUSE_DATA_DIR}: where the H2 files and the generated administrator's password live
	 * @param emulatorApiKey the API key the embedded emulator accepts
	 * @param emulatorClientId the client id the embedded emulator knows
	 * @param idpInitiatedDomains demo organisations (by domain) that allow IdP-initiated sign-in when first imported
	 * @param emulatorOktaClientId the client id of the emulated Okta (OIDC) in local mode
	 * @param emulatorOktaClientSecret its client secret
	 * @param emulatorWebhookSecret the secret the embedded emulator signs its webhooks with
	 */
	public record Local(@DefaultValue("false") boolean exposed, @DefaultValue("./data") Path dataDir,
			@Nullable String emulatorApiKey, @DefaultValue("client_gatehouse_local") String emulatorClientId,
			@DefaultValue("acme.test") List<String> idpInitiatedDomains,
			@DefaultValue("okta-local-client") String emulatorOktaClientId, @Nullable String emulatorOktaClientSecret,
			@Nullable String emulatorWebhookSecret) {

		@Override
		public String emulatorApiKey() {
			return generated("emulator-api-key", emulatorApiKey);
		}

		@Override
		public String emulatorOktaClientSecret() {
			return generated("emulator-okta-client-secret", emulatorOktaClientSecret);
		}

		@Override
		public String emulatorWebhookSecret() {
			return generated("emulator-webhook-secret", emulatorWebhookSecret);
		}

		private static String generated(String name, @Nullable String value) {
			return Objects.requireNonNull(value,
					() -> "gatehouse.local." + name + " is generated at start-up in local mode, and is missing");
		}

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
	 * @param password {@code GATEHOUSE_ADMIN_PASSWORD}; in local mode, if unset, one is generated into an owner-only file
	 */
	public record Admin(@Nullable String email, @Nullable String password) {

		public Admin {
			email = blankToNull(email);
			password = blankToNull(password);
			if (password != null && password.length() < 15) {
				throw new IllegalArgumentException("GATEHOUSE_ADMIN_PASSWORD must have at least 15 characters");
			}
			if (password != null && email == null) {
				throw new IllegalArgumentException("GATEHOUSE_ADMIN_EMAIL must be set with GATEHOUSE_ADMIN_PASSWORD");
			}
		}

	}

	static @Nullable String blankToNull(@Nullable String value) {
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
