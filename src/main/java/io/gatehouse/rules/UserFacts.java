package io.gatehouse.rules;

import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * What rules can look at about a known user.
 *
 * @param groups the user's app groups
 * @param directoryGroups the groups of the user's directory user (empty until directory sync)
 * @param organizationWorkosId the WorkOS id of the user's organisation
 */
public record UserFacts(String email, boolean active, boolean admin, boolean hasMfa, boolean hasSso,
		Set<String> groups, Set<String> directoryGroups, @Nullable String organizationWorkosId,
		@Nullable String organizationName) {
}
