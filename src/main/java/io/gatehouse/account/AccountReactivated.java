package io.gatehouse.account;

/**
 * An administrator reactivated an account: it can sign in again.
 *
 * @param actor the administrator's email
 */
public record AccountReactivated(long userId, String email, String actor) {
}
