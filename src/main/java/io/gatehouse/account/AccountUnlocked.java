package io.gatehouse.account;

import java.util.List;

/**
 * An administrator unlocked an account: the counts of failed passwords and codes start again.
 *
 * @param actor the administrator's email
 * @param secrets the secrets that were at the hard stop ({@code password}, {@code codes}); empty if none was
 */
public record AccountUnlocked(long userId, String email, String actor, List<String> secrets) {
}
