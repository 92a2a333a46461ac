package io.gatehouse.account;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** Changing one's own password on the account page. */
public record PasswordChangeForm(@NotBlank(message = "{account.password.current.required}") @Nullable String currentPassword,
		@NotBlank(message = "{account.password.new.required}") @Size(min = 12, max = 256,
				message = "{account.password.new.size}") @Nullable String newPassword,
		@Nullable String confirmation) {

	static PasswordChangeForm empty() {
		return new PasswordChangeForm("", "", "");
	}

}
