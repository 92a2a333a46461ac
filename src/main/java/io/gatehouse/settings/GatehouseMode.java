package io.gatehouse.settings;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * Whether Gatehouse talks to the embedded WorkOS emulator ({@link #LOCAL}) or to real WorkOS ({@link #CONNECTED}).
 * An explicit {@code GATEHOUSE_MODE} wins; without it, no {@code WORKOS_*} variable at all means local mode and
 * {@code WORKOS_API_KEY} with {@code WORKOS_CLIENT_ID} means connected. Anything in between is refused, so a typo in a
 * production environment never falls back to local mode. With an explicit {@code GATEHOUSE_MODE=local}, only
 * {@code WORKOS_API_BASE_URL} may be set (another instance's emulator).
 */
public enum GatehouseMode {

	LOCAL, CONNECTED;

	/**
	 * Decides the mode from the raw settings, or throws {@link IllegalArgumentException} with one line that says what
	 * to set.
	 */
	public static GatehouseMode resolve(@Nullable String explicit, @Nullable String apiKey, @Nullable String clientId,
			boolean apiBaseUrl, @Nullable String webhookSecret) {
		List<String> workosVariables = new ArrayList<>();
		if (GatehouseSettings.blankToNull(apiKey) != null) {
			workosVariables.add("WORKOS_API_KEY");
		}
		if (GatehouseSettings.blankToNull(clientId) != null) {
			workosVariables.add("WORKOS_CLIENT_ID");
		}
		if (apiBaseUrl) {
			workosVariables.add("WORKOS_API_BASE_URL");
		}
		if (GatehouseSettings.blankToNull(webhookSecret) != null) {
			workosVariables.add("WORKOS_WEBHOOK_SECRET");
		}
		boolean complete = workosVariables.contains("WORKOS_API_KEY") && workosVariables.contains("WORKOS_CLIENT_ID");
		String mode = GatehouseSettings.blankToNull(explicit);
		if (mode == null) {
			if (workosVariables.isEmpty()) {
				return LOCAL;
			}
			if (complete) {
				return CONNECTED;
			}
			throw new IllegalArgumentException(String.join(" and ", workosVariables) + (workosVariables.size() == 1
					? " is" : " are") + " set, but connected mode needs both WORKOS_API_KEY and WORKOS_CLIENT_ID: set"
					+ " both, or unset every WORKOS_* variable for local mode (Gatehouse never falls back to local mode)");
		}
		return switch (mode.toLowerCase(Locale.ROOT)) {
			case "local" -> {
				// WORKOS_API_BASE_URL may point an instance at another instance's emulator; credentials may not be set.
				List<String> credentials = workosVariables.stream().filter(v -> !v.equals("WORKOS_API_BASE_URL")).toList();
				if (!credentials.isEmpty()) {
					throw new IllegalArgumentException("GATEHOUSE_MODE=local, but " + String.join(" and ", credentials)
							+ (credentials.size() == 1 ? " is" : " are")
							+ " set: unset the WORKOS_* variables, or set GATEHOUSE_MODE=connected");
				}
				yield LOCAL;
			}
			case "connected" -> {
				if (!complete) {
					throw new IllegalArgumentException(
							"GATEHOUSE_MODE=connected needs WORKOS_API_KEY and WORKOS_CLIENT_ID to be set");
				}
				yield CONNECTED;
			}
			default -> throw new IllegalArgumentException("GATEHOUSE_MODE must be local or connected (got '" + mode + "')");
		};
	}

}
