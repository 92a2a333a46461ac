package io.gatehouse.account;

/**
 * Sessions of a person were ended on purpose: by the person from their account page (one, or all others), or by an
 * administrator signing them out everywhere.
 *
 * @param userId whose sessions
 * @param email their email
 * @param actor who ended them (the person's or the administrator's email)
 * @param count how many sessions ended
 * @param scope {@code one}, {@code others} or {@code everywhere}
 */
public record SessionsEnded(long userId, String email, String actor, int count, String scope) {
}
