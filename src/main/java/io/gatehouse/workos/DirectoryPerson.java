package io.gatehouse.workos;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A user of a customer's directory, as WorkOS Directory Sync lists them or sends them in an event.
 *
 * @param state {@code active}, {@code suspended} or {@code inactive}
 * @param updatedAt when WorkOS last changed the user: a later change always has a later time
 * @param groups the directory groups the person is in; empty in events, which carry memberships separately
 */
public record DirectoryPerson(String id, String directoryId, @Nullable String organizationId, String idpId,
		@Nullable String email, @Nullable String firstName, @Nullable String lastName, @Nullable String jobTitle,
		String state, OffsetDateTime updatedAt, List<DirectoryTeam> groups, Map<String, Object> customAttributes) {

	/** Whether the directory says this person may work: anything but {@code active} takes access away. */
	public boolean isActive() {
		return "active".equals(state);
	}

}
