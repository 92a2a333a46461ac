package io.gatehouse.mfa;

/** A second factor was removed. */
public record FactorRemoved(long userId, String email, String type) {
}
