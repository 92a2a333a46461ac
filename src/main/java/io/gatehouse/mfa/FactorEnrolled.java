package io.gatehouse.mfa;

/** A person added a second factor. */
public record FactorEnrolled(long userId, String email, String type) {
}
