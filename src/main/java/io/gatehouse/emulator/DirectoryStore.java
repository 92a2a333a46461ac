package io.gatehouse.emulator;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The emulator's directories, users, groups and memberships, with keyset pages in SQL so that listing stays fast at
 * 100,000 users. Answers are shaped as WorkOS shapes them (every required field present).
 */
@Component
@LocalModeOnly
class DirectoryStore {

	private final JdbcClient jdbc;

	private final EmulatorJson json;

	DirectoryStore(EmulatorDatabase database, EmulatorJson json) {
		this.jdbc = database.jdbc();
		this.json = json;
	}

	String createDirectory(String organizationId, String name, String type, @Nullable String domain) {
		OffsetDateTime now = SsoDirectory.now();
		String id = Ids.next("directory");
		jdbc.sql("""
				insert into directories (id, organization_id, name, type, state, domain, created_at, updated_at)
				values (?, ?, ?, ?, 'linked', ?, ?, ?)""").params(id, organizationId, name, type, domain, now, now).update();
		return id;
	}

	String createGroup(String directoryId, String idpId, String name) {
		return createGroup(directoryId, idpId, name, SsoDirectory.now());
	}

	String createGroup(String directoryId, String idpId, String name, OffsetDateTime now) {
		String id = Ids.next("directory_group");
		jdbc.sql("""
				insert into directory_groups (id, directory_id, idp_id, name, created_at, updated_at)
				values (?, ?, ?, ?, ?, ?)""").params(id, directoryId, idpId, name, now, now).update();
		return id;
	}

	String createUser(String directoryId, String idpId, String email, String firstName, String lastName,
			@Nullable String jobTitle, String state, Map<String, Object> custom, Map<String, Object> raw,
			List<String> groupIds) {
		return createUser(directoryId, idpId, email, firstName, lastName, jobTitle, state, custom, raw, groupIds,
				SsoDirectory.now());
	}

	String createUser(String directoryId, String idpId, String email, String firstName, String lastName,
			@Nullable String jobTitle, String state, Map<String, Object> custom, Map<String, Object> raw,
			List<String> groupIds, OffsetDateTime now) {
		String id = Ids.next("directory_user");
		jdbc.sql("""
				insert into directory_users (id, directory_id, idp_id, email, first_name, last_name, username, job_title,
				                             state, custom_json, raw_json, created_at, updated_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(id, directoryId, idpId, email, firstName, lastName, email, jobTitle, state, json.write(custom),
					json.write(raw), now, now)
			.update();
		for (String group : groupIds) {
			jdbc.sql("insert into directory_memberships (user_id, group_id) values (?, ?)").params(id, group).update();
		}
		return id;
	}

	/** Changes a user's profile and state; {@code now} becomes its {@code updated_at}. */
	void updateUser(String id, String email, String firstName, String lastName, @Nullable String jobTitle, String state,
			Map<String, Object> raw, OffsetDateTime now) {
		jdbc.sql("""
				update directory_users set email = ?, username = ?, first_name = ?, last_name = ?, job_title = ?, state = ?,
				                           raw_json = ?, updated_at = ?
				where id = ?""").params(email, email, firstName, lastName, jobTitle, state, json.write(raw), now, id).update();
	}

	/** A user's groups changed: {@code now} becomes its {@code updated_at}. */
	void touchUser(String id, OffsetDateTime now) {
		jdbc.sql("update directory_users set updated_at = ? where id = ?").params(now, id).update();
	}

	/** Deletes a user and its memberships. */
	void deleteUser(String id) {
		jdbc.sql("delete from directory_users where id = ?").param(id).update();
	}

	void renameGroup(String id, String name, OffsetDateTime now) {
		jdbc.sql("update directory_groups set name = ?, updated_at = ? where id = ?").params(name, now, id).update();
	}

	/** Deletes a group and its memberships. */
	void deleteGroup(String id) {
		jdbc.sql("delete from directory_groups where id = ?").param(id).update();
	}

	/** @return whether the user was not yet a member */
	boolean addMembership(String userId, String groupId) {
		if (isMember(userId, groupId)) {
			return false;
		}
		jdbc.sql("insert into directory_memberships (user_id, group_id) values (?, ?)").params(userId, groupId).update();
		return true;
	}

	/** @return whether the user was a member */
	boolean removeMembership(String userId, String groupId) {
		return jdbc.sql("delete from directory_memberships where user_id = ? and group_id = ?")
			.params(userId, groupId)
			.update() > 0;
	}

	boolean isMember(String userId, String groupId) {
		return jdbc.sql("select count(*) from directory_memberships where user_id = ? and group_id = ?")
			.params(userId, groupId)
			.query(Long.class)
			.single() > 0;
	}

	/** Whether another user of the directory has this email (ignoring case). */
	boolean emailTaken(String directoryId, String email, @Nullable String exceptUserId) {
		return jdbc.sql("""
				select count(*) from directory_users
				where directory_id = ? and lower(email) = lower(?) and id <> ?""")
			.params(directoryId, email, exceptUserId == null ? "" : exceptUserId)
			.query(Long.class)
			.single() > 0;
	}

	/** Whether another group of the directory has this name (ignoring case). */
	boolean groupNameTaken(String directoryId, String name, @Nullable String exceptGroupId) {
		return jdbc.sql("""
				select count(*) from directory_groups
				where directory_id = ? and lower(name) = lower(?) and id <> ?""")
			.params(directoryId, name, exceptGroupId == null ? "" : exceptGroupId)
			.query(Long.class)
			.single() > 0;
	}

	/** A directory as the console lists it: with its counts. */
	record DirectorySummary(String id, String organizationId, String name, String type, long activeUsers,
			long inactiveUsers, long groups) {
	}

	/** A user as the console shows it. */
	record ConsoleUser(String id, String directoryId, @Nullable String email, @Nullable String firstName,
			@Nullable String lastName, @Nullable String jobTitle, String state, List<String> groups) {

		public String name() {
			String name = ((firstName != null ? firstName : "") + " " + (lastName != null ? lastName : "")).trim();
			return name.isEmpty() ? (email != null ? email : id) : name;
		}

		public boolean active() {
			return "active".equals(state);
		}

	}

	/** One page of the console's user list; {@code nextAfter} is the cursor of the next page, if there is one. */
	record UserSlice(List<ConsoleUser> users, @Nullable String nextAfter) {
	}

	/** A group as the console lists it. */
	record GroupSummary(String id, String directoryId, String name, long members) {
	}

	List<DirectorySummary> summaries() {
		return jdbc.sql("""
				select d.id, d.organization_id, d.name, d.type,
				       (select count(*) from directory_users u where u.directory_id = d.id and u.state = 'active') active_users,
				       (select count(*) from directory_users u where u.directory_id = d.id and u.state <> 'active') inactive_users,
				       (select count(*) from directory_groups g where g.directory_id = d.id) group_count
				from directories d order by d.name, d.id""")
			.query((rs, i) -> new DirectorySummary(rs.getString("id"), rs.getString("organization_id"),
					rs.getString("name"), rs.getString("type"), rs.getLong("active_users"), rs.getLong("inactive_users"),
					rs.getLong("group_count")))
			.list();
	}

	Optional<DirectorySummary> summary(String directoryId) {
		return summaries().stream().filter(d -> d.id().equals(directoryId)).findFirst();
	}

	/**
	 * A keyset page of a directory's users in id (creation) order, optionally only those whose email or name contains
	 * {@code query}.
	 */
	UserSlice searchUsers(String directoryId, @Nullable String query, @Nullable String after, int limit) {
		StringBuilder sql = new StringBuilder("select * from directory_users where directory_id = ?");
		List<Object> params = new ArrayList<>(List.of(directoryId));
		if (query != null && !query.isBlank()) {
			String pattern = "%" + query.trim()
				.toLowerCase(Locale.ROOT)
				.replace("!", "!!")
				.replace("%", "!%")
				.replace("_", "!_") + "%";
			sql.append(" and (lower(email) like ? escape '!' or lower(concat(first_name, ' ', last_name)) like ? escape '!')");
			params.add(pattern);
			params.add(pattern);
		}
		if (after != null) {
			sql.append(" and id > ?");
			params.add(after);
		}
		sql.append(" order by id limit ?");
		params.add(limit + 1);
		List<ConsoleUser> users = new ArrayList<>(
				jdbc.sql(sql.toString()).params(params).query((rs, i) -> consoleUser(rs)).list());
		String next = null;
		if (users.size() > limit) {
			users.remove(users.size() - 1);
			next = users.get(users.size() - 1).id();
		}
		return new UserSlice(users.stream().map(this::withGroupNames).toList(), next);
	}

	Optional<ConsoleUser> consoleUser(String id) {
		return jdbc.sql("select * from directory_users where id = ?")
			.param(id)
			.query((rs, i) -> consoleUser(rs))
			.optional()
			.map(this::withGroupNames);
	}

	List<GroupSummary> groupSummaries(String directoryId) {
		return jdbc.sql(GROUP_SUMMARY + " where g.directory_id = ? order by lower(g.name), g.id")
			.param(directoryId)
			.query((rs, i) -> groupSummary(rs))
			.list();
	}

	Optional<GroupSummary> groupSummary(String groupId) {
		return jdbc.sql(GROUP_SUMMARY + " where g.id = ?").param(groupId).query((rs, i) -> groupSummary(rs)).optional();
	}

	/** A user as a {@code DirectoryUser}: what events carry (no {@code groups}). */
	Optional<Map<String, Object>> directoryUser(String id) {
		return jdbc.sql(USER_WITH_ORGANIZATION).param(id).query((rs, i) -> userRow(rs)).optional();
	}

	private static final String USER_WITH_ORGANIZATION = """
			select u.*, d.organization_id from directory_users u join directories d on d.id = u.directory_id
			where u.id = ?""";

	private static final String GROUP_SUMMARY = """
			select g.id, g.directory_id, g.name,
			       (select count(*) from directory_memberships m where m.group_id = g.id) members
			from directory_groups g""";

	private static GroupSummary groupSummary(java.sql.ResultSet rs) throws java.sql.SQLException {
		return new GroupSummary(rs.getString("id"), rs.getString("directory_id"), rs.getString("name"),
				rs.getLong("members"));
	}

	private static ConsoleUser consoleUser(java.sql.ResultSet rs) throws java.sql.SQLException {
		return new ConsoleUser(rs.getString("id"), rs.getString("directory_id"), rs.getString("email"),
				rs.getString("first_name"), rs.getString("last_name"), rs.getString("job_title"), rs.getString("state"),
				List.of());
	}

	private ConsoleUser withGroupNames(ConsoleUser user) {
		List<String> names = jdbc.sql("""
				select g.name from directory_groups g join directory_memberships m on m.group_id = g.id
				where m.user_id = ? order by lower(g.name)""").param(user.id()).query(String.class).list();
		return new ConsoleUser(user.id(), user.directoryId(), user.email(), user.firstName(), user.lastName(),
				user.jobTitle(), user.state(), names);
	}

	boolean isEmpty() {
		return jdbc.sql("select count(*) from directories").query(Long.class).single() == 0;
	}

	Optional<Map<String, Object>> directory(String id) {
		return jdbc.sql("select * from directories where id = ?").param(id).query((rs, i) -> directoryJson(rs)).optional();
	}

	Optional<String> directoryOfGroup(String groupId) {
		return jdbc.sql("select directory_id from directory_groups where id = ?").param(groupId).query(String.class).optional();
	}

	Optional<Map<String, Object>> user(String id) {
		return directoryUser(id).map(this::withGroups);
	}

	Optional<Map<String, Object>> group(String id) {
		return jdbc.sql("select g.*, d.organization_id from directory_groups g join directories d on d.id = g.directory_id where g.id = ?")
			.param(id)
			.query((rs, i) -> groupJson(rs))
			.optional();
	}

	List<Map<String, Object>> directories(@Nullable String organizationId) {
		return (organizationId == null ? jdbc.sql("select * from directories order by id")
				: jdbc.sql("select * from directories where organization_id = ? order by id").param(organizationId))
			.query((rs, i) -> directoryJson(rs))
			.list();
	}

	/**
	 * One keyset page of users of a directory or a group.
	 * @param ascending {@code order=asc}; WorkOS's default is newest first
	 */
	Map<String, Object> users(@Nullable String directoryId, @Nullable String groupId, int limit, boolean ascending,
			@Nullable String before, @Nullable String after) {
		String filter = directoryId != null ? "u.directory_id = ?" : "u.id in (select user_id from directory_memberships where group_id = ?)";
		String scope = directoryId != null ? directoryId : groupId;
		boolean backwards = after == null && before != null;
		String cursor = after != null ? after : before;
		boolean forwardAsc = ascending != backwards;
		String comparison = cursor == null ? "" : (forwardAsc ? " and u.id > ?" : " and u.id < ?");
		// Ordered by the whole (directory, id) index, so that H2 reads the page from the index instead of sorting.
		String direction = forwardAsc ? "asc" : "desc";
		String sql = "select u.*, d.organization_id from directory_users u join directories d on d.id = u.directory_id where "
				+ filter + comparison + " order by " + (directoryId != null ? "u.directory_id " + direction + ", " : "")
				+ "u.id " + direction + " limit ?";
		JdbcClient.StatementSpec statement = jdbc.sql(sql).param(scope);
		if (cursor != null) {
			statement = statement.param(cursor);
		}
		List<Map<String, Object>> rows = new ArrayList<>(statement.param(limit + 1).query((rs, i) -> userRow(rs)).list());
		boolean more = rows.size() > limit;
		if (more) {
			rows.remove(rows.size() - 1);
		}
		if (backwards) {
			java.util.Collections.reverse(rows);
		}
		List<Map<String, Object>> data = withGroups(rows);
		Map<String, Object> metadata = new LinkedHashMap<>();
		String first = data.isEmpty() ? null : (String) data.get(0).get("id");
		String last = data.isEmpty() ? null : (String) data.get(data.size() - 1).get("id");
		metadata.put("before", backwards ? (more ? first : null) : (cursor != null ? first : null));
		metadata.put("after", backwards ? (data.isEmpty() ? null : last) : (more ? last : null));
		Map<String, Object> page = new LinkedHashMap<>();
		page.put("object", "list");
		page.put("data", data);
		page.put("list_metadata", metadata);
		return page;
	}

	List<Map<String, Object>> groups(@Nullable String directoryId, @Nullable String userId) {
		String sql = "select g.*, d.organization_id from directory_groups g join directories d on d.id = g.directory_id where "
				+ (directoryId != null ? "g.directory_id = ?" : "g.id in (select group_id from directory_memberships where user_id = ?)")
				+ " order by g.id";
		return jdbc.sql(sql).param(directoryId != null ? directoryId : userId).query((rs, i) -> groupJson(rs)).list();
	}

	/** Adds each user's groups, with one query for the whole page. */
	private List<Map<String, Object>> withGroups(List<Map<String, Object>> users) {
		if (users.isEmpty()) {
			return users;
		}
		Map<String, List<Map<String, Object>>> groupsOf = new LinkedHashMap<>();
		users.forEach(u -> groupsOf.put((String) u.get("id"), new ArrayList<>()));
		jdbc.sql("select m.user_id, g.*, d.organization_id from directory_memberships m"
				+ " join directory_groups g on g.id = m.group_id join directories d on d.id = g.directory_id"
				+ " where m.user_id in (" + String.join(",", java.util.Collections.nCopies(users.size(), "?")) + ") order by g.id")
			.params(new ArrayList<>(groupsOf.keySet()))
			.query((rs, i) -> groupsOf.get(rs.getString("user_id")).add(groupJson(rs)))
			.list();
		users.forEach(u -> u.put("groups", groupsOf.get((String) u.get("id"))));
		return users;
	}

	private Map<String, Object> withGroups(Map<String, Object> user) {
		user.put("groups", groups(null, (String) user.get("id")));
		return user;
	}

	private Map<String, Object> userRow(java.sql.ResultSet rs) throws java.sql.SQLException {
		Map<String, Object> user = new LinkedHashMap<>();
		user.put("object", "directory_user");
		user.put("id", rs.getString("id"));
		user.put("directory_id", rs.getString("directory_id"));
		user.put("organization_id", rs.getString("organization_id"));
		user.put("idp_id", rs.getString("idp_id"));
		String email = rs.getString("email");
		user.put("email", email);
		user.put("emails", email == null ? List.of() : List.of(Map.of("primary", true, "type", "work", "value", email)));
		user.put("first_name", rs.getString("first_name"));
		user.put("last_name", rs.getString("last_name"));
		user.put("username", rs.getString("username"));
		user.put("job_title", rs.getString("job_title"));
		user.put("state", rs.getString("state"));
		user.put("custom_attributes", json.readObject(rs.getString("custom_json")));
		user.put("raw_attributes", json.readObject(rs.getString("raw_json")));
		user.put("created_at", ApiShapes.timestamp(rs.getObject("created_at", OffsetDateTime.class)));
		user.put("updated_at", ApiShapes.timestamp(rs.getObject("updated_at", OffsetDateTime.class)));
		return user;
	}

	private static Map<String, Object> groupJson(java.sql.ResultSet rs) throws java.sql.SQLException {
		Map<String, Object> group = new LinkedHashMap<>();
		group.put("object", "directory_group");
		group.put("id", rs.getString("id"));
		group.put("idp_id", rs.getString("idp_id"));
		group.put("directory_id", rs.getString("directory_id"));
		group.put("organization_id", rs.getString("organization_id"));
		group.put("name", rs.getString("name"));
		group.put("created_at", ApiShapes.timestamp(rs.getObject("created_at", OffsetDateTime.class)));
		group.put("updated_at", ApiShapes.timestamp(rs.getObject("updated_at", OffsetDateTime.class)));
		return group;
	}

	private static Map<String, Object> directoryJson(java.sql.ResultSet rs) throws java.sql.SQLException {
		Map<String, Object> directory = new LinkedHashMap<>();
		directory.put("object", "directory");
		directory.put("id", rs.getString("id"));
		directory.put("organization_id", rs.getString("organization_id"));
		directory.put("external_key", rs.getString("id"));
		directory.put("name", rs.getString("name"));
		directory.put("type", rs.getString("type"));
		directory.put("state", rs.getString("state"));
		if (rs.getString("domain") != null) {
			directory.put("domain", rs.getString("domain"));
		}
		directory.put("created_at", ApiShapes.timestamp(rs.getObject("created_at", OffsetDateTime.class)));
		directory.put("updated_at", ApiShapes.timestamp(rs.getObject("updated_at", OffsetDateTime.class)));
		return directory;
	}

}
