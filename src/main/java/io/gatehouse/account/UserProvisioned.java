package io.gatehouse.account;

/**
 * A user was created just in time by a first sign-in. Published when the creating transaction commits.
 *
 * @param source the provider that vouched for them (a WorkOS connection id)
 */
public record UserProvisioned(long userId, String email, String source) {
}
