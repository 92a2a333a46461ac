package io.gatehouse.settings;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** The mode comes from GATEHOUSE_MODE or the WORKOS_* variables, and a half-set WorkOS never falls back to local. */
class GatehouseModeTests {

	@Test
	void nothingSetIsLocalMode() {
		assertThat(GatehouseMode.resolve(null, null, null, false, "  ")).isEqualTo(GatehouseMode.LOCAL);
	}

	@Test
	void anApiKeyAndAClientIdAreConnectedMode() {
		assertThat(GatehouseMode.resolve("", "sk_live_1", "client_1", false, null)).isEqualTo(GatehouseMode.CONNECTED);
	}

	@Test
	void aClientIdWithoutItsApiKeyIsRefusedInsteadOfFallingBackToLocalMode() {
		assertThatIllegalArgumentException().isThrownBy(() -> GatehouseMode.resolve(null, null, "client_1", false, null))
			.withMessageStartingWith("WORKOS_CLIENT_ID is set, but connected mode needs both");
	}

	@Test
	void aWebhookSecretAloneIsRefused() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> GatehouseMode.resolve(null, null, null, false, "whsec_real"))
			.withMessageContaining("WORKOS_WEBHOOK_SECRET is set");
	}

	@Test
	void explicitLocalModeRefusesWorkOsCredentialsButAcceptsAnotherEmulatorsUrl() {
		assertThatIllegalArgumentException().isThrownBy(() -> GatehouseMode.resolve("local", "sk_live_1", null, false, null))
			.withMessage("GATEHOUSE_MODE=local, but WORKOS_API_KEY is set: unset the WORKOS_* variables, or set GATEHOUSE_MODE=connected");
		assertThat(GatehouseMode.resolve("LOCAL", null, null, true, null)).isEqualTo(GatehouseMode.LOCAL);
	}

	@Test
	void explicitConnectedModeNeedsItsCredentials() {
		assertThatIllegalArgumentException().isThrownBy(() -> GatehouseMode.resolve("connected", null, null, false, null))
			.withMessage("GATEHOUSE_MODE=connected needs WORKOS_API_KEY and WORKOS_CLIENT_ID to be set");
		assertThatIllegalArgumentException().isThrownBy(() -> GatehouseMode.resolve("prod", null, null, false, null))
			.withMessage("GATEHOUSE_MODE must be local or connected (got 'prod')");
	}

}
