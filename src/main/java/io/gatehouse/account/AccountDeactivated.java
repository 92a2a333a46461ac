package io.gatehouse.account;

/**
 * An administrator deactivated an account: it cannot sign in, and all of its sessions ended.
 *
 * @param actor the administrator's email
 * @param sessionsEnded how many sessions ended
 */
public record AccountDeactivated(long userId, String email, String actor, int sessionsEnded) {
}
