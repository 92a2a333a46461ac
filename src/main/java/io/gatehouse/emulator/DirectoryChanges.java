package io.gatehouse.emulator;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Changes to the emulated directories as an IdP would push them, each recorded as the WorkOS event it causes
 * ({@code dsync.user.*}, {@code dsync.group.*}) and then handed to webhook delivery. Changes run one at a time, each
 * in one transaction with its event, so events are stored in the order of their ticks of the {@link EmulatorClock}.
 */
@Component
@LocalModeOnly
class DirectoryChanges {

	static final String USER_CREATED = "dsync.user.created";

	static final String USER_UPDATED = "dsync.user.updated";

	static final String USER_DELETED = "dsync.user.deleted";

	static final String GROUP_CREATED = "dsync.group.created";

	static final String GROUP_UPDATED = "dsync.group.updated";

	static final String GROUP_DELETED = "dsync.group.deleted";

	static final String USER_ADDED = "dsync.group.user_added";

	static final String USER_REMOVED = "dsync.group.user_removed";

	/** What a person can change about a directory user. */
	record Profile(String email, String firstName, String lastName, @Nullable String jobTitle) {
	}

	/** A change that happened. @param event the name of the event it caused, or null when nothing changed */
	record Outcome(String subject, @Nullable String event, boolean deliveryPaused) {
	}

	/** An id that names no user, group or directory (any more). */
	static final class NotFound extends RuntimeException {

		NotFound(String what) {
			super(what, null, false, false);
		}

	}

	private final DirectoryStore store;

	private final DirectoryEvents events;

	private final EmulatorClock clock;

	private final EmulatorDatabase database;

	private final WebhookDelivery delivery;

	private final ReentrantLock lock = new ReentrantLock();

	DirectoryChanges(DirectoryStore store, DirectoryEvents events, EmulatorClock clock, EmulatorDatabase database,
			WebhookDelivery delivery) {
		this.store = store;
		this.events = events;
		this.clock = clock;
		this.database = database;
		this.delivery = delivery;
	}

	/** @return the new user's id */
	String addUser(String directoryId, Profile profile) {
		return change(() -> {
			Map<String, Object> directory = store.directory(directoryId).orElseThrow(() -> new NotFound("directory"));
			OffsetDateTime now = clock.tick();
			String idpId = "scim-" + Ids.secret().substring(0, 12).toLowerCase(Locale.ROOT);
			String id = store.createUser(directoryId, idpId, profile.email(), profile.firstName(), profile.lastName(),
					profile.jobTitle(), "active", Map.of(), scim(new LinkedHashMap<>(), profile, true), List.of(), now);
			record(USER_CREATED, directory, userData(id, null), now);
			return id;
		});
	}

	Outcome editUser(String userId, Profile profile) {
		return change(() -> {
			Map<String, Object> before = user(userId);
			Map<String, Object> previous = new LinkedHashMap<>();
			compare(previous, before, "email", profile.email());
			compare(previous, before, "first_name", profile.firstName());
			compare(previous, before, "last_name", profile.lastName());
			compare(previous, before, "job_title", profile.jobTitle());
			if (previous.isEmpty()) {
				return outcome(profile.firstName() + " " + profile.lastName(), null);
			}
			String state = (String) before.get("state");
			return update(before, profile, state, previous);
		});
	}

	/** Suspends ({@code active = false}: state {@code inactive}, as WorkOS shows a deactivated Okta user) or reactivates. */
	Outcome setActive(String userId, boolean active) {
		return change(() -> {
			Map<String, Object> before = user(userId);
			Profile profile = profileOf(before);
			String state = active ? "active" : "inactive";
			if (state.equals(before.get("state"))) {
				return outcome(name(before), null);
			}
			Map<String, Object> previous = new LinkedHashMap<>();
			previous.put("state", before.get("state"));
			return update(before, profile, state, previous);
		});
	}

	Outcome deleteUser(String userId) {
		return change(() -> {
			Map<String, Object> user = user(userId);
			OffsetDateTime now = clock.tick();
			store.deleteUser(userId);
			user.put("updated_at", ApiShapes.timestamp(now));
			record(USER_DELETED, directoryOf(user), user, now);
			return outcome(name(user), USER_DELETED);
		});
	}

	Outcome addToGroup(String userId, String groupId) {
		return membership(userId, groupId, true);
	}

	Outcome removeFromGroup(String userId, String groupId) {
		return membership(userId, groupId, false);
	}

	/** @return the new group's id */
	String addGroup(String directoryId, String name) {
		return change(() -> {
			Map<String, Object> directory = store.directory(directoryId).orElseThrow(() -> new NotFound("directory"));
			OffsetDateTime now = clock.tick();
			String idpId = "grp-" + Ids.secret().substring(0, 12).toLowerCase(Locale.ROOT);
			String id = store.createGroup(directoryId, idpId, name, now);
			record(GROUP_CREATED, directory, group(id), now);
			return id;
		});
	}

	Outcome renameGroup(String groupId, String name) {
		return change(() -> {
			Map<String, Object> before = group(groupId);
			if (name.equals(before.get("name"))) {
				return outcome(name, null);
			}
			OffsetDateTime now = clock.tick();
			store.renameGroup(groupId, name, now);
			Map<String, Object> data = group(groupId);
			data.put("previous_attributes", Map.of("name", before.get("name")));
			record(GROUP_UPDATED, directoryOf(before), data, now);
			return outcome(name, GROUP_UPDATED);
		});
	}

	Outcome deleteGroup(String groupId) {
		return change(() -> {
			Map<String, Object> group = group(groupId);
			OffsetDateTime now = clock.tick();
			store.deleteGroup(groupId);
			group.put("updated_at", ApiShapes.timestamp(now));
			record(GROUP_DELETED, directoryOf(group), group, now);
			return outcome((String) group.get("name"), GROUP_DELETED);
		});
	}

	private Outcome membership(String userId, String groupId, boolean add) {
		return change(() -> {
			Map<String, Object> user = user(userId);
			Map<String, Object> group = group(groupId);
			if (!Objects.equals(user.get("directory_id"), group.get("directory_id"))) {
				throw new NotFound("group");
			}
			boolean changed = add ? store.addMembership(userId, groupId) : store.removeMembership(userId, groupId);
			String subject = name(user) + (add ? " to " : " from ") + group.get("name");
			if (!changed) {
				return outcome(subject, null);
			}
			// The user's groups are part of it (DirectoryUserWithGroups), so its updated_at moves on.
			OffsetDateTime now = clock.tick();
			store.touchUser(userId, now);
			Map<String, Object> data = new LinkedHashMap<>();
			data.put("directory_id", user.get("directory_id"));
			data.put("user", user(userId));
			data.put("group", group);
			String event = add ? USER_ADDED : USER_REMOVED;
			record(event, directoryOf(user), data, now);
			return outcome(subject, event);
		});
	}

	private Outcome update(Map<String, Object> before, Profile profile, String state, Map<String, Object> previous) {
		String userId = (String) before.get("id");
		OffsetDateTime now = clock.tick();
		@SuppressWarnings("unchecked")
		Map<String, Object> raw = scim(new LinkedHashMap<>((Map<String, Object>) before.get("raw_attributes")), profile,
				"active".equals(state));
		store.updateUser(userId, profile.email(), profile.firstName(), profile.lastName(), profile.jobTitle(), state, raw,
				now);
		record(USER_UPDATED, directoryOf(before), userData(userId, previous), now);
		return outcome(profile.firstName() + " " + profile.lastName(), USER_UPDATED);
	}

	private <T> T change(Supplier<T> work) {
		lock.lock();
		try {
			return database.inTransaction(work);
		}
		finally {
			lock.unlock();
			delivery.wake();
		}
	}

	private Outcome outcome(String subject, @Nullable String event) {
		return new Outcome(subject, event, event != null && events.paused());
	}

	private void record(String event, Map<String, Object> directory, Map<String, Object> data, OffsetDateTime at) {
		events.record(event, (String) directory.get("organization_id"), (String) directory.get("id"), data, at,
				events.paused());
	}

	private Map<String, Object> userData(String userId, @Nullable Map<String, Object> previous) {
		Map<String, Object> data = user(userId);
		if (previous != null) {
			data.put("previous_attributes", previous);
		}
		return data;
	}

	private Map<String, Object> user(String userId) {
		return store.directoryUser(userId).orElseThrow(() -> new NotFound("user"));
	}

	private Map<String, Object> group(String groupId) {
		return store.group(groupId).orElseThrow(() -> new NotFound("group"));
	}

	private Map<String, Object> directoryOf(Map<String, Object> userOrGroup) {
		return store.directory((String) userOrGroup.get("directory_id")).orElseThrow(() -> new NotFound("directory"));
	}

	private static void compare(Map<String, Object> previous, Map<String, Object> before, String field,
			@Nullable String value) {
		if (!Objects.equals(before.get(field), value)) {
			previous.put(field, before.get(field));
		}
	}

	private static Profile profileOf(Map<String, Object> user) {
		return new Profile((String) user.get("email"), (String) user.get("first_name"), (String) user.get("last_name"),
				(String) user.get("job_title"));
	}

	private static String name(Map<String, Object> user) {
		return (Objects.toString(user.get("first_name"), "") + " " + Objects.toString(user.get("last_name"), "")).trim();
	}

	/** Raw attributes as an Okta SCIM push carries them, on top of whatever the user had. */
	private static Map<String, Object> scim(Map<String, Object> raw, Profile profile, boolean active) {
		raw.put("userName", profile.email());
		raw.put("active", active);
		Map<String, Object> name = new LinkedHashMap<>();
		name.put("givenName", profile.firstName());
		name.put("familyName", profile.lastName());
		raw.put("name", name);
		raw.put("emails", List.of(Map.of("primary", true, "type", "work", "value", profile.email())));
		if (profile.jobTitle() != null) {
			raw.put("title", profile.jobTitle());
		}
		else {
			raw.remove("title");
		}
		return raw;
	}

}
