package io.gatehouse.directory;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntSupplier;

import io.gatehouse.workos.DirectoryInfo;
import io.gatehouse.workos.DirectoryPerson;
import io.gatehouse.workos.DirectoryTeam;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The local copy of the customers' directories: writes that never let an older change overwrite a newer one (each
 * row keeps the source's own "updated at"; deletions stay as tombstones), and the reads the dashboard needs.
 */
@Component
class DirectoryMirror {

	/** A mirrored user, as the lifecycle needs it. */
	record Member(String id, String directoryId, @Nullable String organizationId, @Nullable String email, String state,
			boolean deleted, @Nullable Long appUserId) {

		/** Whether the person may still work according to the directory. */
		boolean active() {
			return !deleted && "active".equals(state);
		}

	}

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final JdbcTemplate batch;

	private final Clock clock;

	DirectoryMirror(JdbcClient jdbc, JdbcTemplate batch, JsonMapper json, Optional<Clock> clock) {
		this.jdbc = jdbc;
		this.batch = batch;
		this.json = json;
		this.clock = clock.orElse(Clock.systemUTC());
	}

	OffsetDateTime now() {
		return clock.instant().atOffset(ZoneOffset.UTC);
	}

	void upsertDirectory(DirectoryInfo d) {
		updateOrInsert(
				() -> jdbc.sql("update directories set organization_id = ?, name = ?, type = ?, state = ? where id = ?")
					.params(d.organizationId(), d.name(), d.type(), d.state(), d.id())
					.update(),
				() -> jdbc.sql("""
						insert into directories (id, organization_id, name, type, state) values (?, ?, ?, ?, ?)
						on conflict do nothing""")
					.params(d.id(), d.organizationId(), d.name(), d.type(), d.state())
					.update());
	}

	/** Directories known to have a row: most events need no insert. */
	private final Set<String> knownDirectories = java.util.concurrent.ConcurrentHashMap.newKeySet();

	/** Makes sure an event's directory has a row; the next full sync fills in its name and type. */
	void ensureDirectory(String directoryId, @Nullable String organizationId) {
		if (knownDirectories.contains(directoryId)) {
			return;
		}
		if (org.springframework.transaction.support.TransactionSynchronizationManager.isSynchronizationActive()) {
			org.springframework.transaction.support.TransactionSynchronizationManager
				.registerSynchronization(new org.springframework.transaction.support.TransactionSynchronization() {
					@Override
					public void afterCommit() {
						knownDirectories.add(directoryId);
					}
				});
		}
		jdbc.sql("""
				insert into directories (id, organization_id, name, type, state)
				select ?, ?, ?, 'unknown', 'linked' where not exists (select 1 from directories where id = ?)
				on conflict do nothing""")
			.params(directoryId, organizationId, directoryId, directoryId)
			.update();
	}

	/** Writes a user's row unless the mirror holds a newer version: {@link #row} fills it, the last value is the version. */
	private static final String UPDATE_USER = """
			update directory_users set directory_id = ?, organization_id = ?, idp_id = ?, email = ?, email_lower = ?,
			    first_name = ?, last_name = ?, name_lower = ?, last_lower = ?, job_title = ?, state = ?, custom_json = ?,
			    source_updated_at = ?, deleted = ?, synced_at = ?
			where id = ? and (source_updated_at is null or source_updated_at <= ?)""";

	/**
	 * Adds a user's row unless there is one: {@link #insertRow} fills it. A row another transaction adds meanwhile
	 * (two events about a new person at once) is not an error: the caller then tries {@link #UPDATE_USER} again.
	 */
	private static final String INSERT_USER = """
			insert into directory_users (directory_id, organization_id, idp_id, email, email_lower, first_name, last_name,
			    name_lower, last_lower, job_title, state, custom_json, source_updated_at, deleted, synced_at, id)
			select ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?
			where not exists (select 1 from directory_users where id = ?) on conflict do nothing""";

	/**
	 * Writes a user unless the mirror already holds a newer version of them.
	 * @param version the source's time of this change
	 * @return whether it was written
	 */
	boolean writeUser(DirectoryPerson p, boolean deleted, OffsetDateTime version) {
		Object[] row = row(p, deleted, version, now());
		return updateOrInsert(() -> jdbc.sql(UPDATE_USER).params(row).update(),
				() -> jdbc.sql(INSERT_USER).params(insertRow(row)).update());
	}

	/**
	 * A full sync's page of users, written in batches, each unless the mirror holds a newer version. Users the mirror
	 * holds newer are only marked as seen.
	 * @return the users that were written
	 */
	List<DirectoryPerson> writeUsers(List<DirectoryPerson> people) {
		if (people.isEmpty()) {
			return List.of();
		}
		OffsetDateTime now = now();
		List<Object[]> updates = people.stream().map(p -> row(p, false, p.updatedAt(), now)).toList();
		int[] updated = batch.batchUpdate(UPDATE_USER, updates);
		List<Object[]> inserts = new ArrayList<>();
		List<Integer> inserted = new ArrayList<>();
		for (int i = 0; i < updated.length; i++) {
			if (updated[i] == 0) {
				inserts.add(insertRow(updates.get(i)));
				inserted.add(i);
			}
		}
		Set<Integer> stale = new HashSet<>();
		if (!inserts.isEmpty()) {
			int[] counts = batch.batchUpdate(INSERT_USER, inserts);
			for (int i = 0; i < counts.length; i++) {
				// There is a row after all: an event wrote it meanwhile, and it may be older than this page.
				if (counts[i] == 0 && batch.update(UPDATE_USER, updates.get(inserted.get(i))) == 0) {
					stale.add(inserted.get(i));
				}
			}
		}
		List<DirectoryPerson> written = new ArrayList<>(people.size());
		List<Object[]> seen = new ArrayList<>();
		for (int i = 0; i < people.size(); i++) {
			if (stale.contains(i)) {
				seen.add(new Object[] { now, people.get(i).id() });
			}
			else {
				written.add(people.get(i));
			}
		}
		if (!seen.isEmpty()) {
			batch.batchUpdate("update directory_users set synced_at = ? where id = ?", seen);
		}
		return written;
	}

	/** The values of {@link #UPDATE_USER}: the columns, the id, and the version a stored row must not be newer than. */
	private Object[] row(DirectoryPerson p, boolean deleted, OffsetDateTime version, OffsetDateTime now) {
		String name = ((p.firstName() != null ? p.firstName() : "") + " " + (p.lastName() != null ? p.lastName() : "")).trim();
		return new Object[] { p.directoryId(), p.organizationId(), p.idpId(), p.email(), lower(p.email()), p.firstName(),
				p.lastName(), name.toLowerCase(Locale.ROOT), lower(p.lastName()), p.jobTitle(), p.state(),
				truncate(json.writeValueAsString(p.customAttributes()), 4000), version, deleted, now, p.id(), version };
	}

	/** The values of {@link #INSERT_USER}: the same columns and id, then the id again for the existence check. */
	private static Object[] insertRow(Object[] row) {
		Object[] insert = row.clone();
		insert[insert.length - 1] = row[insert.length - 2];
		return insert;
	}

	/**
	 * A full sync's view of a page of users' groups, as of {@code asOf}: those listed are in, every other one is out
	 * (unless the mirror knows of a later change to that membership).
	 */
	void replaceMemberships(List<DirectoryPerson> people, OffsetDateTime asOf) {
		if (people.isEmpty()) {
			return;
		}
		Map<String, Set<String>> current = new HashMap<>();
		jdbc.sql("select user_id, group_id from directory_memberships where member and user_id in (" + placeholders(people.size()) + ")")
			.params(people.stream().map(DirectoryPerson::id).toList())
			.query((rs, i) -> current.computeIfAbsent(rs.getString(1), k -> new HashSet<>()).add(rs.getString(2)))
			.list();
		List<Object[]> inserts = new ArrayList<>();
		for (DirectoryPerson person : people) {
			Set<String> had = current.getOrDefault(person.id(), Set.of());
			Set<String> listed = new HashSet<>(person.groups().stream().map(DirectoryTeam::id).toList());
			for (String groupId : had) {
				if (!listed.contains(groupId)) {
					writeMembership(person.id(), groupId, false, asOf);
				}
			}
			for (String groupId : listed) {
				if (!had.contains(groupId)) {
					inserts.add(new Object[] { person.id(), groupId, true, asOf, person.id(), groupId });
				}
			}
		}
		if (inserts.isEmpty()) {
			return;
		}
		int[] counts = batch.batchUpdate("""
				insert into directory_memberships (user_id, group_id, member, as_of) select ?, ?, ?, ?
				where not exists (select 1 from directory_memberships where user_id = ? and group_id = ?)
				on conflict do nothing""", inserts);
		for (int i = 0; i < counts.length; i++) {
			if (counts[i] == 0) {
				writeMembership((String) inserts.get(i)[0], (String) inserts.get(i)[1], true, asOf);
			}
		}
	}

	/** Of these users, those linked to an account. */
	Set<String> linked(List<String> userIds) {
		if (userIds.isEmpty()) {
			return Set.of();
		}
		return new HashSet<>(jdbc.sql("select id from directory_users where app_user_id is not null and id in ("
				+ placeholders(userIds.size()) + ")").params(userIds).query(String.class).list());
	}

	private static @Nullable String lower(@Nullable String text) {
		return text == null ? null : text.toLowerCase(Locale.ROOT);
	}

	private static String placeholders(int count) {
		return String.join(",", Collections.nCopies(count, "?"));
	}

	/** Writes a group unless the mirror already holds a newer version of it. */
	boolean writeGroup(DirectoryTeam g, boolean deleted, OffsetDateTime version) {
		Object[] values = { g.directoryId(), g.idpId(), g.name(), version, deleted, now(), g.id() };
		return updateOrInsert(() -> jdbc.sql("""
				update directory_groups set directory_id = ?, idp_id = ?, name = ?, source_updated_at = ?, deleted = ?,
				    synced_at = ? where id = ? and source_updated_at <= ?""")
			.params(values)
			.param(version)
			.update(), () -> jdbc.sql("""
				insert into directory_groups (directory_id, idp_id, name, source_updated_at, deleted, synced_at, id)
				select ?, ?, ?, ?, ?, ?, ? where not exists (select 1 from directory_groups where id = ?)
				on conflict do nothing""")
			.params(values)
			.param(g.id())
			.update());
	}

	/** Sets a membership unless a later change to the same membership is already recorded. */
	boolean writeMembership(String userId, String groupId, boolean member, OffsetDateTime asOf) {
		return updateOrInsert(() -> jdbc.sql("""
				update directory_memberships set member = ?, as_of = ? where user_id = ? and group_id = ? and as_of <= ?""")
			.params(member, asOf, userId, groupId, asOf)
			.update(), () -> jdbc.sql("""
				insert into directory_memberships (user_id, group_id, member, as_of) select ?, ?, ?, ?
				where not exists (select 1 from directory_memberships where user_id = ? and group_id = ?)
				on conflict do nothing""")
			.params(userId, groupId, member, asOf, userId, groupId)
			.update());
	}

	/**
	 * A versioned write: the update (which leaves a newer row alone), else the insert (which leaves any row alone),
	 * else the update once more, for a row that another transaction inserted after the first update looked.
	 * @return whether this version was written
	 */
	private static boolean updateOrInsert(IntSupplier update, IntSupplier insert) {
		return update.getAsInt() > 0 || insert.getAsInt() > 0 || update.getAsInt() > 0;
	}

	/** The names of the (live) groups a user is in, sorted. */
	List<String> groupNames(String userId) {
		return jdbc.sql("""
				select g.name from directory_memberships m join directory_groups g on g.id = m.group_id
				where m.user_id = ? and m.member and not g.deleted order by g.name""")
			.param(userId)
			.query(String.class)
			.list();
	}

	/** The app groups an admin mapped this user's directory groups to. */
	List<String> mappedGroups(String userId) {
		return jdbc.sql("""
				select distinct gm.app_group from directory_memberships m join directory_groups g on g.id = m.group_id
				join directory_group_mappings gm on gm.directory_group_id = g.id
				where m.user_id = ? and m.member and not g.deleted order by gm.app_group""")
			.param(userId)
			.query(String.class)
			.list();
	}

	/** The users currently in a group who are linked to an account. */
	List<String> linkedMemberIds(String groupId) {
		return jdbc.sql("""
				select m.user_id from directory_memberships m join directory_users u on u.id = m.user_id
				where m.group_id = ? and m.member and u.app_user_id is not null""")
			.param(groupId)
			.query(String.class)
			.list();
	}

	Optional<Member> member(String userId) {
		return jdbc.sql("select * from directory_users where id = ?")
			.param(userId)
			.query((rs, i) -> new Member(rs.getString("id"), rs.getString("directory_id"), rs.getString("organization_id"),
					rs.getString("email"), rs.getString("state"), rs.getBoolean("deleted"),
					(Long) rs.getObject("app_user_id", Long.class)))
			.optional();
	}

	/** The users linked to an account, for a mapping change. */
	List<String> linkedUserIds() {
		return jdbc.sql("select id from directory_users where app_user_id is not null").query(String.class).list();
	}

	void link(String userId, long appUserId) {
		jdbc.sql("update directory_users set app_user_id = ? where id = ?").params(appUserId, userId).update();
	}

	/**
	 * Marks as deleted the users and groups of a directory that a full sync started at {@code started} did not see
	 * and no event touched since.
	 * @return the ids of the users it marked
	 */
	List<String> sweep(String directoryId, OffsetDateTime started) {
		List<String> gone = jdbc.sql("select id from directory_users where directory_id = ? and not deleted and synced_at < ?")
			.params(directoryId, started)
			.query(String.class)
			.list();
		jdbc.sql("update directory_users set deleted = true where directory_id = ? and not deleted and synced_at < ?")
			.params(directoryId, started)
			.update();
		jdbc.sql("update directory_groups set deleted = true where directory_id = ? and not deleted and synced_at < ?")
			.params(directoryId, started)
			.update();
		return gone;
	}

	private static @Nullable String truncate(@Nullable String value, int max) {
		return value == null || value.length() <= max ? value : value.substring(0, max);
	}

}
