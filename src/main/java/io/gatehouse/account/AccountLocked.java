package io.gatehouse.account;

import org.jspecify.annotations.Nullable;

/**
 * A secret reached the hard stop of throttling and cannot be used until an administrator unlocks it (or, for the
 * password, a reset by e-mail). Published once per lock.
 *
 * @param userId the account, or null when the name tried belongs to nobody
 * @param subject the account's email, or the name that was tried
 * @param secret {@code password} or {@code codes}
 */
public record AccountLocked(@Nullable Long userId, String subject, String secret) {
}
