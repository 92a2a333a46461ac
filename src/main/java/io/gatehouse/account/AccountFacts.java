package io.gatehouse.account;

import java.util.Set;

import org.jspecify.annotations.Nullable;

/** What sign-in and rules need to know about an account. Never carries the password hash. */
public record AccountFacts(long userId, String email, @Nullable String username, boolean active, boolean admin,
		boolean hasSso, boolean hasPassword, boolean emailVerified, Set<String> groups,
		@Nullable String organizationWorkosId, @Nullable String organizationName) {
}
