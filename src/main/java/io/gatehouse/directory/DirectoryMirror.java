package io.gatehouse.directory;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.gatehouse.workos.DirectoryInfo;
import io.gatehouse.workos.DirectoryPerson;
import io.gatehouse.workos.WorkOs;
import io.gatehouse.workos.WorkOsException;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps the local copy of each directory: a full sync pages through every user with the SDK and upserts them, records
 * its progress per directory, and answers the dashboard's searches with keyset pages.
 */
@Service
public class DirectoryMirror {

	/** A mirrored directory with its sync status. */
	public record MirroredDirectory(String id, @Nullable String organizationId, String name, String type, String state,
			@Nullable OffsetDateTime lastFullSyncAt, int syncedUsers, long users, @Nullable String lastError) {
	}

	/** A mirrored directory user as the dashboard lists them. */
	public record MirroredUser(String id, @Nullable String email, @Nullable String firstName, @Nullable String lastName,
			String state, String groups) {
	}

	/** How often (in users) a running sync records its progress for the dashboard. */
	private static final int PROGRESS_EVERY = 100;

	private final WorkOs workos;

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final Clock clock;

	DirectoryMirror(WorkOs workos, JdbcClient jdbc, JsonMapper json, Optional<Clock> clock) {
		this.workos = workos;
		this.jdbc = jdbc;
		this.json = json;
		this.clock = clock.orElse(Clock.systemUTC());
	}

	/**
	 * Syncs every directory WorkOS lists: directory rows first, then each directory's users.
	 * @return how many users were synced in all
	 */
	public int syncAll() {
		int total = 0;
		for (DirectoryInfo directory : workos.directories()) {
			upsertDirectory(directory);
			total += sync(directory.id());
		}
		return total;
	}

	/** Pages through one directory's users, upserting each; a failure is recorded and rethrown. */
	public int sync(String directoryId) {
		OffsetDateTime started = now();
		jdbc.sql("update directories set sync_started_at = ?, synced_users = 0, last_error = null where id = ?")
			.params(started, directoryId)
			.update();
		try {
			int[] done = { 0 };
			int count = workos.forEachDirectoryUser(directoryId, person -> {
				upsertUser(person, started);
				if (++done[0] % PROGRESS_EVERY == 0) {
					jdbc.sql("update directories set synced_users = ?, sync_cursor = ? where id = ?")
						.params(done[0], person.id(), directoryId)
						.update();
				}
			});
			jdbc.sql("""
					update directories set last_full_sync_at = ?, synced_users = ?, sync_cursor = null, sync_started_at = null
					where id = ?""").params(now(), count, directoryId).update();
			return count;
		}
		catch (WorkOsException e) {
			jdbc.sql("update directories set last_error = ?, sync_started_at = null where id = ?")
				.params("Sync stopped: " + e.reason(), directoryId)
				.update();
			throw e;
		}
	}

	public List<MirroredDirectory> directories() {
		return jdbc.sql("""
				select d.*, (select count(*) from directory_users u where u.directory_id = d.id) as users
				from directories d order by d.name""")
			.query((rs, i) -> new MirroredDirectory(rs.getString("id"), rs.getString("organization_id"),
					rs.getString("name"), rs.getString("type"), rs.getString("state"),
					rs.getObject("last_full_sync_at", OffsetDateTime.class), rs.getInt("synced_users"), rs.getLong("users"),
					rs.getString("last_error")))
			.list();
	}

	/**
	 * One page of a directory's users, by email, optionally filtered by a search over email and name: keyset paging
	 * (after the last email seen), so a page costs the same at the end of 100,000 users as at the start.
	 */
	public List<MirroredUser> users(String directoryId, @Nullable String search, @Nullable String afterEmail, int size) {
		String term = search == null || search.isBlank() ? null : "%" + search.trim().toLowerCase(Locale.ROOT) + "%";
		String sql = "select * from directory_users where directory_id = ?"
				+ (term != null ? " and (email_lower like ? or name_lower like ?)" : "")
				+ (afterEmail != null ? " and email_lower > ?" : "") + " order by email_lower limit ?";
		JdbcClient.StatementSpec statement = jdbc.sql(sql).param(directoryId);
		if (term != null) {
			statement = statement.param(term).param(term);
		}
		if (afterEmail != null) {
			statement = statement.param(afterEmail.toLowerCase(Locale.ROOT));
		}
		return statement.param(size)
			.query((rs, i) -> new MirroredUser(rs.getString("id"), rs.getString("email"), rs.getString("first_name"),
					rs.getString("last_name"), rs.getString("state"), rs.getString("groups_text")))
			.list();
	}

	private void upsertDirectory(DirectoryInfo d) {
		int updated = jdbc.sql("update directories set organization_id = ?, name = ?, type = ?, state = ? where id = ?")
			.params(d.organizationId(), d.name(), d.type(), d.state(), d.id())
			.update();
		if (updated == 0) {
			jdbc.sql("insert into directories (id, organization_id, name, type, state) values (?, ?, ?, ?, ?)")
				.params(d.id(), d.organizationId(), d.name(), d.type(), d.state())
				.update();
		}
	}

	private void upsertUser(DirectoryPerson p, OffsetDateTime now) {
		String name = ((p.firstName() != null ? p.firstName() : "") + " " + (p.lastName() != null ? p.lastName() : "")).trim();
		String email = p.email();
		Object[] values = { p.directoryId(), p.idpId(), email, email == null ? null : email.toLowerCase(Locale.ROOT),
				p.firstName(), p.lastName(), name.toLowerCase(Locale.ROOT), p.state(), String.join(", ", p.groups()),
				json.writeValueAsString(p.customAttributes()), now, p.id() };
		int updated = jdbc.sql("""
				update directory_users set directory_id = ?, idp_id = ?, email = ?, email_lower = ?, first_name = ?,
				    last_name = ?, name_lower = ?, state = ?, groups_text = ?, custom_json = ?, synced_at = ? where id = ?""")
			.params(values)
			.update();
		if (updated == 0) {
			jdbc.sql("""
					insert into directory_users (directory_id, idp_id, email, email_lower, first_name, last_name, name_lower,
					    state, groups_text, custom_json, synced_at, id) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
				.params(values)
				.update();
		}
	}

	private OffsetDateTime now() {
		return clock.instant().atOffset(ZoneOffset.UTC);
	}

}
