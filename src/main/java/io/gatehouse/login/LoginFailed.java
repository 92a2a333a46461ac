package io.gatehouse.login;

import org.jspecify.annotations.Nullable;

/**
 * A sign-in attempt failed.
 *
 * @param method e.g. {@code sso}
 * @param reason a stable code such as {@code state_invalid} or {@code idp_error:access_denied}
 * @param subject who tried, when known (an email); never a secret
 * @param rule the name of the login rule the attempt went by, when known
 */
public record LoginFailed(String method, String reason, @Nullable String subject, @Nullable String rule) {
}
