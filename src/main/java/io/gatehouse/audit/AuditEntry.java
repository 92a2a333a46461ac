package io.gatehouse.audit;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One line of the audit log.
 *
 * @param type e.g. {@code login.succeeded}, {@code login.failed}, {@code user.provisioned}
 * @param userId the user concerned, when known
 * @param subject who it concerns in words (an email), when known; for admin actions, the admin who acted
 * @param detail a short, secret-free description
 * @param ip the client's address, for entries written during a web request
 * @param userAgent the client's {@code User-Agent}, for entries written during a web request
 */
public record AuditEntry(long id, Instant occurredAt, String type, @Nullable Long userId, @Nullable String subject,
		@Nullable String detail, @Nullable String ip, @Nullable String userAgent) {
}
