package io.gatehouse.account;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/** What the account page shows a signed-in person about themselves. */
public record AccountOverview(long userId, String email, @Nullable String firstName, @Nullable String lastName,
		@Nullable String organizationName, Instant createdAt, List<String> groups, Map<String, Object> attributes,
		boolean hasPassword, List<LinkedIdentity> identities) {

	public String displayName() {
		return DisplayNames.of(firstName, lastName, email);
	}

	/** An external identity linked to the account. */
	public record LinkedIdentity(String connectionType, String source, String subject, String email,
			Map<String, Object> rawAttributes, Instant linkedAt, Instant lastLoginAt) {
	}

}
