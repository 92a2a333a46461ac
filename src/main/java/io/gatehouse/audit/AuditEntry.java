package io.gatehouse.audit;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One line of the audit log.
 *
 * @param type e.g. {@code login.succeeded}, {@code login.failed}, {@code user.provisioned}
 * @param userId the user concerned, when known
 * @param subject who it concerns in words (an email), when known
 * @param detail a short, secret-free description
 */
public record AuditEntry(long id, Instant occurredAt, String type, @Nullable Long userId, @Nullable String subject,
		@Nullable String detail) {
}
