package io.gatehouse.account;

import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * What sign-in and rules need to know about an account. Never carries the password hash.
 *
 * @param groups the app groups, including those mapped from directory groups
 * @param directoryGroups the groups of the person's directory user (empty without directory sync)
 */
public record AccountFacts(long userId, String email, @Nullable String username, boolean active, boolean admin,
		boolean hasSso, boolean hasPassword, boolean emailVerified, Set<String> groups, Set<String> directoryGroups,
		@Nullable String organizationWorkosId, @Nullable String organizationName) {
}
