package io.gatehouse.workos;

import java.time.OffsetDateTime;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.workos.models.DirectoryGroup;
import com.workos.models.DirectoryUser;
import com.workos.models.DsyncGroupCreated;
import com.workos.models.DsyncGroupDeleted;
import com.workos.models.DsyncGroupUpdated;
import com.workos.models.DsyncGroupUpdatedData;
import com.workos.models.DsyncGroupUserAdded;
import com.workos.models.DsyncGroupUserAddedData;
import com.workos.models.DsyncGroupUserRemoved;
import com.workos.models.DsyncUserCreated;
import com.workos.models.DsyncUserDeleted;
import com.workos.models.DsyncUserUpdated;
import com.workos.models.DsyncUserUpdatedData;
import com.workos.models.WorkOSEvent;
import io.gatehouse.workos.DirectoryEvent.Kind;
import org.jspecify.annotations.Nullable;

/** Turns the SDK's typed Directory Sync events into {@link DirectoryEvent}s. */
final class DirectoryEvents {

	private DirectoryEvents() {
	}

	static DirectoryEvent of(WorkOSEvent event) {
		String id = event.getId();
		String name = event.getEvent();
		OffsetDateTime at = event.getCreatedAt();
		if (event instanceof DsyncUserCreated created) {
			return user(id, name, at, Kind.USER_CREATED, person(created.getData()));
		}
		if (event instanceof DsyncUserUpdated updated) {
			return user(id, name, at, Kind.USER_UPDATED, person(updated.getData()));
		}
		if (event instanceof DsyncUserDeleted deleted) {
			return user(id, name, at, Kind.USER_DELETED, person(deleted.getData()));
		}
		if (event instanceof DsyncGroupCreated created) {
			return group(id, name, at, Kind.GROUP_CREATED, WorkOs.team(created.getData()));
		}
		if (event instanceof DsyncGroupUpdated updated) {
			DsyncGroupUpdatedData g = updated.getData();
			return group(id, name, at, Kind.GROUP_UPDATED,
					new DirectoryTeam(g.getId(), g.getDirectoryId(), g.getIdpId(), g.getName(), g.getUpdatedAt()));
		}
		if (event instanceof DsyncGroupDeleted deleted) {
			return group(id, name, at, Kind.GROUP_DELETED, WorkOs.team(deleted.getData()));
		}
		if (event instanceof DsyncGroupUserAdded added) {
			return membership(id, name, at, Kind.MEMBER_ADDED, added.getData());
		}
		if (event instanceof DsyncGroupUserRemoved removed) {
			return membership(id, name, at, Kind.MEMBER_REMOVED, removed.getData());
		}
		return new DirectoryEvent(id, name, at, Kind.OTHER, null, null, null);
	}

	private static DirectoryEvent user(String id, String name, OffsetDateTime at, Kind kind, DirectoryPerson person) {
		return new DirectoryEvent(id, name, at, kind, person.directoryId(), person, null);
	}

	private static DirectoryEvent group(String id, String name, OffsetDateTime at, Kind kind, DirectoryTeam team) {
		return new DirectoryEvent(id, name, at, kind, team.directoryId(), null, team);
	}

	private static DirectoryEvent membership(String id, String name, OffsetDateTime at, Kind kind,
			DsyncGroupUserAddedData data) {
		DirectoryGroup group = data.getGroup();
		return new DirectoryEvent(id, name, at, kind, data.getDirectoryId(), person(data.getUser()), WorkOs.team(group));
	}

	private static DirectoryPerson person(DirectoryUser u) {
		return new DirectoryPerson(u.getId(), u.getDirectoryId(), u.getOrganizationId(), u.getIdpId(), u.getEmail(),
				u.getFirstName(), u.getLastName(), u.getJobTitle(), u.getState().getValue(), u.getUpdatedAt(), List.of(),
				custom(u.getCustomAttributes()));
	}

	private static DirectoryPerson person(DsyncUserUpdatedData u) {
		return new DirectoryPerson(u.getId(), u.getDirectoryId(), u.getOrganizationId(), u.getIdpId(), u.getEmail(),
				u.getFirstName(), u.getLastName(), u.getJobTitle(), u.getState().getValue(), u.getUpdatedAt(), List.of(),
				custom(u.getCustomAttributes()));
	}

	private static Map<String, Object> custom(@Nullable Map<String, Object> attributes) {
		return attributes == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
	}

}
