package io.gatehouse.account;

/**
 * A person's password was replaced: changed by the person on their account page (every other session ended, the one
 * in use kept under a new id), or reset with an e-mailed link (every session ended).
 *
 * @param reset true for a reset by e-mail, false for a change on the account page
 * @param sessionsEnded how many sessions the change ended
 */
public record PasswordChanged(long userId, String email, boolean reset, int sessionsEnded) {
}
