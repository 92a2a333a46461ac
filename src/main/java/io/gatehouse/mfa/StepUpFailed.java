package io.gatehouse.mfa;

/**
 * A signed-in person (or whoever holds their session) gave a wrong password or code on the step-up page, or one that
 * was throttled.
 *
 * @param method {@code password}, {@code totp} or {@code sms}
 */
public record StepUpFailed(long userId, String email, String method) {
}
