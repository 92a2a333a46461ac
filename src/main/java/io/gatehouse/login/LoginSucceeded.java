package io.gatehouse.login;

/**
 * A person signed in.
 *
 * @param method how, e.g. {@code sso}
 * @param via what vouched for them, e.g. the WorkOS connection id
 */
public record LoginSucceeded(long userId, String email, String method, String via) {
}
