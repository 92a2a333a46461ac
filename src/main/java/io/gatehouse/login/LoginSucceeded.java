package io.gatehouse.login;

import org.jspecify.annotations.Nullable;

/**
 * A person signed in.
 *
 * @param method how, e.g. {@code sso}
 * @param via what vouched for them, e.g. the WorkOS connection id
 * @param rule the name of the login rule that let them in, when one did
 */
public record LoginSucceeded(long userId, String email, String method, String via, @Nullable String rule) {
}
