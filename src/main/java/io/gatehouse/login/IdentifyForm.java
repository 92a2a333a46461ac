package io.gatehouse.login;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * Step 1 of the login page: who are you?
 *
 * @param username the email (or, later, username) the person typed
 * @param next where to land after signing in
 */
public record IdentifyForm(@NotBlank(message = "{login.username.required}") @Size(max = 320,
		message = "{login.username.too-long}") @Nullable String username, @Nullable String next) {

	static IdentifyForm empty(@Nullable String username, @Nullable String next) {
		return new IdentifyForm(username, next);
	}

	String trimmedUsername() {
		return username == null ? "" : username.trim();
	}

}
