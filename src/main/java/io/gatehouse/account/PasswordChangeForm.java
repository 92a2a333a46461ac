package io.gatehouse.account;

import jakarta.validation.constraints.NotBlank;
import org.jspecify.annotations.Nullable;

/** Changing one's own password on the account page; the new one must pass {@link PasswordPolicy}. */
public record PasswordChangeForm(@NotBlank(message = "{account.password.current.required}") @Nullable String currentPassword,
		@NotBlank(message = "{account.password.new.required}") @Nullable String newPassword,
		@Nullable String confirmation) {

	static PasswordChangeForm empty() {
		return new PasswordChangeForm("", "", "");
	}

}
