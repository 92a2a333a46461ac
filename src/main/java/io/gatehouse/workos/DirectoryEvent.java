package io.gatehouse.workos;

import java.time.OffsetDateTime;

import org.jspecify.annotations.Nullable;

/**
 * A Directory Sync event, from a webhook or the Events API.
 *
 * @param id WorkOS's event id: the same event always has the same id, however it arrives
 * @param name the event name, e.g. {@code dsync.user.updated}
 * @param createdAt when WorkOS recorded it
 * @param kind what it changes; {@link Kind#OTHER} for events the mirror does not follow
 * @param user the user it is about (user events and membership events)
 * @param group the group it is about (group events and membership events)
 */
public record DirectoryEvent(String id, String name, OffsetDateTime createdAt, Kind kind, @Nullable String directoryId,
		@Nullable DirectoryPerson user, @Nullable DirectoryTeam group) {

	/** The event names the mirror follows. */
	public static final java.util.List<String> DIRECTORY_EVENTS = java.util.List.of("dsync.user.created",
			"dsync.user.updated", "dsync.user.deleted", "dsync.group.created", "dsync.group.updated",
			"dsync.group.deleted", "dsync.group.user_added", "dsync.group.user_removed");

	public enum Kind {

		USER_CREATED, USER_UPDATED, USER_DELETED, GROUP_CREATED, GROUP_UPDATED, GROUP_DELETED, MEMBER_ADDED,
		MEMBER_REMOVED, OTHER

	}

}
