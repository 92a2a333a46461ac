package io.gatehouse.mail;

import org.jspecify.annotations.Nullable;

/**
 * A delivery that did not go out: all its attempts failed, or it could not be queued.
 *
 * @param kind what it was, e.g. {@code password_reset}, {@code magic_link}, {@code email_code}
 * @param reason the exception type of the last failure, or {@code queue_full} / {@code shut_down}
 * @param attempts how many times it was tried
 */
public record DeliveryFailed(String kind, @Nullable Long userId, @Nullable String subject, String reason,
		int attempts) {
}
