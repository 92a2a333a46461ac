package io.gatehouse.mfa;

/** An administrator removed all of a person's second factors and recovery codes. */
public record FactorsReset(long userId, String email, int removed, String actor) {
}
