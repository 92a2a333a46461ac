package io.gatehouse.mfa;

/**
 * A signed-in person proved again who they are before a sensitive change.
 *
 * @param method {@code password}, {@code totp} or {@code sms}
 */
public record StepUpPassed(long userId, String email, String method) {
}
