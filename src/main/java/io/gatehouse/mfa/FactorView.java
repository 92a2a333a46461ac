package io.gatehouse.mfa;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A factor as the account page lists it.
 *
 * @param maskedPhone the phone number with all but its last two digits hidden (SMS factors)
 */
public record FactorView(long id, String type, @Nullable String maskedPhone, Instant addedAt,
		@Nullable Instant lastUsedAt) {

	public String label() {
		return "totp".equals(type) ? "Authenticator app" : "Text message to " + maskedPhone;
	}

}
