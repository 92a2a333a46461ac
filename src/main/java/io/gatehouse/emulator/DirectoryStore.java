package io.gatehouse.emulator;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
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
		OffsetDateTime now = SsoDirectory.now();
		String id = Ids.next("directory_group");
		jdbc.sql("""
				insert into directory_groups (id, directory_id, idp_id, name, created_at, updated_at)
				values (?, ?, ?, ?, ?, ?)""").params(id, directoryId, idpId, name, now, now).update();
		return id;
	}

	String createUser(String directoryId, String idpId, String email, String firstName, String lastName,
			@Nullable String jobTitle, String state, Map<String, Object> custom, Map<String, Object> raw,
			List<String> groupIds) {
		OffsetDateTime now = SsoDirectory.now();
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
		return jdbc.sql("select * from directory_users where id = ?").param(id).query((rs, i) -> userRow(rs)).optional()
			.map(this::withGroups);
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
		String sql = "select u.*, d.organization_id from directory_users u join directories d on d.id = u.directory_id where "
				+ filter + comparison + " order by u.id " + (forwardAsc ? "asc" : "desc") + " limit ?";
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
		List<Map<String, Object>> data = rows.stream().map(this::withGroups).toList();
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
