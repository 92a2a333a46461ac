package io.gatehouse.directory;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** What the dashboard reads from the mirror: keyset pages, so a page costs the same at 100,000 users as at ten. */
@Component
@Transactional(readOnly = true)
class DirectoryQueries {

	/** A mirrored directory with its sync status. */
	public record DirectorySummary(String id, @Nullable String organizationId, String name, String type, String state,
			@Nullable OffsetDateTime lastFullSyncAt, @Nullable OffsetDateTime syncStartedAt, int syncedUsers,
			long activeUsers, long inactiveUsers, long groups, @Nullable OffsetDateTime lastEventAt,
			@Nullable String lastError) {

		public long users() {
			return activeUsers + inactiveUsers;
		}

		/** How far a running sync is, in percent of the users the directory had last time (capped at 99). */
		public int percent() {
			long expected = Math.max(users(), syncedUsers);
			return expected == 0 ? 0 : (int) Math.min(99, syncedUsers * 100 / expected);
		}

	}

	/** A mirrored user as the dashboard lists them. */
	public record UserRow(String id, @Nullable String email, @Nullable String firstName, @Nullable String lastName,
			String state, boolean deleted, String groups, @Nullable Long appUserId) {

		public String shownState() {
			return deleted ? "deleted" : state;
		}

	}

	/** One user in full. */
	public record UserDetail(String id, String directoryId, String idpId, @Nullable String email,
			@Nullable String firstName, @Nullable String lastName, @Nullable String jobTitle, String state,
			boolean deleted, String customJson, @Nullable OffsetDateTime sourceUpdatedAt, @Nullable Long appUserId,
			@Nullable String appUserEmail, @Nullable Boolean appUserActive) {

		public String shownState() {
			return deleted ? "deleted" : state;
		}

	}

	/** A group with its member count and mapping. */
	public record GroupRow(String id, String directoryId, String name, boolean deleted, long members,
			@Nullable String appGroup) {
	}

	/** An entry of the webhook and event log. */
	public record EventRow(String id, String name, @Nullable String directoryId, @Nullable String subjectId,
			String summary, OffsetDateTime occurredAt, OffsetDateTime receivedAt, String source, String outcome) {
	}

	/** An id and a name. */
	public record DirectoryName(String id, String name) {
	}

	/** The filters of the users list. */
	public record UserFilter(@Nullable String search, @Nullable String state, @Nullable String groupId) {
	}

	/** Groups with their live member counts and mappings. */
	private static final String GROUPS = """
			select g.*, gm.app_group,
			  (select count(*) from directory_memberships m join directory_users u on u.id = m.user_id
			   where m.group_id = g.id and m.member and not u.deleted) as members
			from directory_groups g left join directory_group_mappings gm on gm.directory_group_id = g.id""";

	private final JdbcClient jdbc;

	DirectoryQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<DirectorySummary> directories() {
		return jdbc.sql("""
				select d.*,
				  (select count(*) from directory_users u where u.directory_id = d.id and not u.deleted and u.state = 'active') as active_users,
				  (select count(*) from directory_users u where u.directory_id = d.id and not u.deleted and u.state <> 'active') as inactive_users,
				  (select count(*) from directory_groups g where g.directory_id = d.id and not g.deleted) as group_count,
				  (select max(e.received_at) from directory_events e where e.directory_id = d.id) as last_event_at
				from directories d order by d.name""")
			.query((rs, i) -> new DirectorySummary(rs.getString("id"), rs.getString("organization_id"),
					rs.getString("name"), rs.getString("type"), rs.getString("state"),
					rs.getObject("last_full_sync_at", OffsetDateTime.class),
					rs.getObject("sync_started_at", OffsetDateTime.class), rs.getInt("synced_users"),
					rs.getLong("active_users"), rs.getLong("inactive_users"), rs.getLong("group_count"),
					rs.getObject("last_event_at", OffsetDateTime.class), rs.getString("last_error")))
			.list();
	}

	/** A directory's id and name, without counting anything: for pages that only need its header. */
	Optional<DirectoryName> name(String id) {
		return jdbc.sql("select id, name from directories where id = ?")
			.param(id)
			.query((rs, i) -> new DirectoryName(rs.getString("id"), rs.getString("name")))
			.optional();
	}

	/** A directory's live groups by name, without counting members: for the users page's filter. */
	List<DirectoryName> groupNames(String directoryId) {
		return jdbc.sql("select id, name from directory_groups where directory_id = ? and not deleted order by name")
			.param(directoryId)
			.query((rs, i) -> new DirectoryName(rs.getString("id"), rs.getString("name")))
			.list();
	}

	/**
	 * One page of a directory's users by email, after the (email, id) of the last row seen.
	 * @param state {@code active}, {@code inactive}, {@code suspended}, {@code deleted}; null for everyone not deleted
	 */
	List<UserRow> users(String directoryId, UserFilter filter, @Nullable String afterEmail, @Nullable String afterId,
			int size) {
		String search = filter.search();
		String term = search == null || search.isBlank() ? null : escape(search.trim().toLowerCase(Locale.ROOT)) + "%";
		StringBuilder sql = new StringBuilder("select * from directory_users u where u.directory_id = ?");
		List<Object> params = new java.util.ArrayList<>(List.of(directoryId));
		if ("deleted".equals(filter.state())) {
			sql.append(" and u.deleted");
		}
		else {
			sql.append(" and not u.deleted");
			if (filter.state() != null) {
				sql.append(" and u.state = ?");
				params.add(filter.state());
			}
		}
		if (filter.groupId() != null) {
			sql.append(" and u.id in (select m.user_id from directory_memberships m where m.group_id = ? and m.member)");
			params.add(filter.groupId());
		}
		if (term != null) {
			// "Starts with" on the email, the full name or the last name: each an index range, so a search costs the
			// same at 100,000 people as at ten.
			sql.append(" and u.id in (select id from directory_users where directory_id = ? and email_lower like ? escape '\\'"
					+ " union select id from directory_users where directory_id = ? and name_lower like ? escape '\\'"
					+ " union select id from directory_users where directory_id = ? and last_lower like ? escape '\\')");
			for (int i = 0; i < 3; i++) {
				params.add(directoryId);
				params.add(term);
			}
		}
		if (afterEmail != null && afterId != null) {
			// The first condition is a range the index can start from; the second is the exact keyset.
			sql.append(" and u.email_lower >= ? and (u.email_lower > ? or (u.email_lower = ? and u.id > ?))");
			params.add(afterEmail);
			params.add(afterEmail);
			params.add(afterEmail);
			params.add(afterId);
		}
		// Browsing reads the page straight from the (directory, email, id) index; a search sorts its few matches.
		sql.append(term != null ? " order by u.email_lower, u.id limit ?" : " order by u.directory_id, u.email_lower, u.id limit ?");
		params.add(size);
		List<UserRow> rows = jdbc.sql(sql.toString()).params(params).query((rs, i) -> new UserRow(rs.getString("id"),
				rs.getString("email"), rs.getString("first_name"), rs.getString("last_name"), rs.getString("state"),
				rs.getBoolean("deleted"), "", (Long) rs.getObject("app_user_id", Long.class))).list();
		Map<String, List<String>> groups = groupNamesOf(rows.stream().map(UserRow::id).toList());
		return rows.stream()
			.map(u -> new UserRow(u.id(), u.email(), u.firstName(), u.lastName(), u.state(), u.deleted(),
					String.join(", ", groups.getOrDefault(u.id(), List.of())), u.appUserId()))
			.toList();
	}

	/** The names of the live groups of a page of users, with one query. */
	private Map<String, List<String>> groupNamesOf(List<String> userIds) {
		Map<String, List<String>> names = new HashMap<>();
		if (userIds.isEmpty()) {
			return names;
		}
		jdbc.sql("select m.user_id, g.name from directory_memberships m join directory_groups g on g.id = m.group_id"
				+ " where m.member and not g.deleted and m.user_id in (" + String.join(",", Collections.nCopies(userIds.size(), "?"))
				+ ") order by g.name")
			.params(userIds)
			.query((rs, i) -> names.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2)))
			.list();
		return names;
	}

	Optional<UserDetail> user(String id) {
		return jdbc.sql("""
				select u.*, a.email as app_email, a.active as app_active from directory_users u
				left join users a on a.id = u.app_user_id where u.id = ?""")
			.param(id)
			.query((rs, i) -> new UserDetail(rs.getString("id"), rs.getString("directory_id"), rs.getString("idp_id"),
					rs.getString("email"), rs.getString("first_name"), rs.getString("last_name"), rs.getString("job_title"),
					rs.getString("state"), rs.getBoolean("deleted"), rs.getString("custom_json"),
					rs.getObject("source_updated_at", OffsetDateTime.class), (Long) rs.getObject("app_user_id", Long.class),
					rs.getString("app_email"), (Boolean) rs.getObject("app_active", Boolean.class)))
			.optional();
	}

	List<GroupRow> groups(String directoryId) {
		return jdbc.sql(GROUPS + " where g.directory_id = ? and not g.deleted order by g.name")
			.param(directoryId)
			.query((rs, i) -> groupRow(rs))
			.list();
	}

	Optional<GroupRow> group(String groupId) {
		return jdbc.sql(GROUPS + " where g.id = ?")
			.param(groupId)
			.query((rs, i) -> groupRow(rs))
			.optional();
	}

	List<EventRow> historyOf(String subjectId, int limit) {
		return jdbc.sql("select * from directory_events where subject_id = ? order by occurred_at desc, id desc limit ?")
			.params(subjectId, limit)
			.query((rs, i) -> eventRow(rs))
			.list();
	}

	/**
	 * The event log, newest first, after the (received at, id) of the last row seen.
	 * @param type an event name or its prefix, e.g. {@code dsync.user}
	 */
	List<EventRow> events(@Nullable String type, @Nullable String outcome, @Nullable String source,
			@Nullable OffsetDateTime beforeReceived, @Nullable String beforeId, int size) {
		StringBuilder sql = new StringBuilder("select * from directory_events where 1 = 1");
		List<Object> params = new java.util.ArrayList<>();
		if (type != null) {
			sql.append(" and name like ? escape '\\'");
			params.add(escape(type) + "%");
		}
		if (outcome != null) {
			sql.append(" and outcome = ?");
			params.add(outcome);
		}
		if (source != null) {
			sql.append(" and source = ?");
			params.add(source);
		}
		if (beforeReceived != null && beforeId != null) {
			sql.append(" and (received_at < ? or (received_at = ? and id < ?))");
			params.add(beforeReceived);
			params.add(beforeReceived);
			params.add(beforeId);
		}
		sql.append(" order by received_at desc, id desc limit ?");
		params.add(size);
		return jdbc.sql(sql.toString()).params(params).query((rs, i) -> eventRow(rs)).list();
	}

	private static GroupRow groupRow(java.sql.ResultSet rs) throws java.sql.SQLException {
		return new GroupRow(rs.getString("id"), rs.getString("directory_id"), rs.getString("name"),
				rs.getBoolean("deleted"), rs.getLong("members"), rs.getString("app_group"));
	}

	private static EventRow eventRow(java.sql.ResultSet rs) throws java.sql.SQLException {
		return new EventRow(rs.getString("id"), rs.getString("name"), rs.getString("directory_id"),
				rs.getString("subject_id"), rs.getString("summary"), rs.getObject("occurred_at", OffsetDateTime.class),
				rs.getObject("received_at", OffsetDateTime.class), rs.getString("source"), rs.getString("outcome"));
	}

	private static String escape(String text) {
		return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

}
