package io.gatehouse.throttle;

/**
 * A reserved try of a secret: report how it went with {@link AccountThrottle#failed} or
 * {@link AccountThrottle#succeeded}.
 */
public record Attempt(String key) {
}
