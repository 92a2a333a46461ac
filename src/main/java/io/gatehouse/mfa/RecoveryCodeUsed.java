package io.gatehouse.mfa;

/** Someone signed in with a recovery code instead of a factor. */
public record RecoveryCodeUsed(long userId, String email, int remaining) {
}
