package io.gatehouse.emulator;

import java.time.Duration;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The emulator's settings. It shares {@code gatehouse.local.*} with the app: the app's SDK client uses the same API
 * key and client id to call it. The secrets are random per install ({@link LocalSecrets}).
 *
 * @param exposed whether any client may reach the emulator ({@code GATEHOUSE_LOCAL_MODE_EXPOSED}); otherwise it
 * answers loopback clients only
 * @param emulatorApiKey the only API key the emulator accepts
 * @param emulatorClientId the only client id it knows
 * @param emulatorJdbcUrl where it keeps its state
 * @param emulatorCodeLifetime how long an authorization code can be exchanged
 * @param emulatorSmsCodeLifetime how long a texted MFA code can be verified
 * @param emulatorOktaClientId the client id the emulated Okta knows
 * @param emulatorOktaClientSecret its client secret
 * @param emulatorDirectoryRateLimit user-listing requests per second per directory (WorkOS allows 4); 0 turns it off
 * @param emulatorDirectoryExtraUsers people each demo directory holds beyond the SSO test IdP's (up to 100,000)
 * @param emulatorWebhookSecret the secret webhooks are signed with (the app verifies with the same property)
 * @param emulatorWebhookUrl where webhooks go; empty means the running app's own {@code /webhooks/workos}
 * @param emulatorWebhookRetryDelays the waits before each retry of a failed delivery; after the last, it stays failed
 * @param emulatorRedirectUris the redirect URIs registered for the application: the only places the emulator sends a
 * browser back to (SSO and magic-link callbacks, the Okta redirect and post-logout URIs); empty means the running
 * app's own ({@link RegisteredRedirects})
 */
@ConfigurationProperties("gatehouse.local")
record EmulatorSettings(@DefaultValue("false") boolean exposed, String emulatorApiKey, String emulatorClientId, String emulatorJdbcUrl,
		@DefaultValue("10m") Duration emulatorCodeLifetime, @DefaultValue("10m") Duration emulatorSmsCodeLifetime,
		String emulatorOktaClientId, String emulatorOktaClientSecret, @DefaultValue("4") int emulatorDirectoryRateLimit,
		@DefaultValue("30") int emulatorDirectoryExtraUsers,
		String emulatorWebhookSecret, @DefaultValue("") @Nullable String emulatorWebhookUrl,
		@DefaultValue({ "500ms", "2s", "5s" }) List<Duration> emulatorWebhookRetryDelays,
		@DefaultValue List<String> emulatorRedirectUris) {
}
