package io.gatehouse.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads the audit log: the newest entries, pages filtered by an {@link AuditQuery}, and a streamed export. Entries
 * are only ever added, by this module's listener; no code path updates or deletes them.
 */
@Service
public class AuditLog {

	/** Every type of entry the listener writes, for the filters. */
	public static final List<String> TYPES = List.of("login.succeeded", "login.failed", "magic_link.sent",
			"recovery_code.used", "factor.enrolled", "factor.removed", "factor.reset", "rule.created", "rule.updated",
			"rule.enabled", "rule.disabled", "rule.deleted", "user.provisioned", "user.deprovisioned",
			"user.reactivated", "directory.group_mapped", "webhook.refused", "sessions.ended",
			"password.changed", "password.reset", "recovery_code.regenerated", "step_up.passed", "step_up.failed",
			"login.signed_out", "user.locked", "user.unlocked", "user.deactivated", "audit.exported", "demo_data.removed",

			"organization.idp_initiated_changed", "delivery.failed");

	/** The groups of {@link #TYPES} (e.g. {@code login.}), which filter by prefix. */
	public static final List<String> TYPE_PREFIXES = TYPES.stream()
		.map(type -> type.substring(0, type.indexOf('.') + 1))
		.distinct()
		.filter(prefix -> TYPES.stream().filter(type -> type.startsWith(prefix)).count() > 1)
		.toList();

	/** The most entries one export writes. */
	public static final int EXPORT_LIMIT = 100_000;

	private static final int EXPORT_FETCH_SIZE = 500;

	private final JdbcClient jdbc;

	private final JdbcClient streaming;

	private final Clock clock;

	private final TransactionTemplate recording;

	private final TransactionTemplate exporting;

	AuditLog(JdbcClient jdbc, JdbcTemplate template, Optional<Clock> clock, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.recording = new TransactionTemplate(transactions);
		this.recording.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.exporting = new TransactionTemplate(transactions);
		this.exporting.setReadOnly(true);
		// A fetch size (inside a transaction, on PostgreSQL) keeps an export from holding every row in memory.
		JdbcTemplate fetching = new JdbcTemplate(template.getDataSource());
		fetching.setFetchSize(EXPORT_FETCH_SIZE);
		this.streaming = JdbcClient.create(fetching);
		this.clock = clock.orElse(Clock.systemUTC());
	}

	/** The newest entries first. */
	@Transactional(readOnly = true)
	public List<AuditEntry> latest(int limit) {
		return jdbc.sql("select * from audit_events order by id desc limit ?").param(limit).query(AuditLog::entry).list();
	}

	/**
	 * A page of matching entries, newest first.
	 * @param olderThan the cursor from the previous page ({@link AuditPage#olderThan()}), or null for the newest
	 */
	@Transactional(readOnly = true)
	public AuditPage search(AuditQuery query, @Nullable Long olderThan, int size) {
		Where where = Where.of(query, olderThan);
		List<Object> params = new ArrayList<>(where.params());
		params.add(size + 1);
		List<AuditEntry> found = jdbc.sql("select * from audit_events" + where.sql() + " order by id desc limit ?")
			.params(params)
			.query(AuditLog::entry)
			.list();
		if (found.size() <= size) {
			return new AuditPage(found, null);
		}
		List<AuditEntry> page = found.subList(0, size);
		return new AuditPage(List.copyOf(page), page.get(size - 1).id());
	}

	/**
	 * Hands every matching entry, newest first and at most {@link #EXPORT_LIMIT}, to {@code sink} as it is read, so an
	 * export never holds the log in memory. The export itself is recorded first ({@code audit.exported}, with the
	 * filters), so one that the client abandons half-way is recorded too.
	 * @param actor who exports (an administrator's email)
	 * @return how many entries were handed over
	 */
	public int export(AuditQuery query, String actor, Consumer<AuditEntry> sink) {
		recording.executeWithoutResult(status -> append("audit.exported", null, actor, "actor=" + actor + describe(query)));
		Integer count = exporting.execute(status -> stream(query, sink));
		return count == null ? 0 : count;
	}

	private static String describe(AuditQuery query) {
		StringBuilder filters = new StringBuilder();
		if (query.person() != null) {
			filters.append(" person=\"").append(query.person()).append('"');
		}
		if (query.type() != null) {
			filters.append(" type=").append(query.type());
		}
		if (query.from() != null) {
			filters.append(" from=").append(query.from());
		}
		if (query.to() != null) {
			filters.append(" to=").append(query.to());
		}
		return filters.length() == 0 ? " filters=none" : filters.toString();
	}

	private int stream(AuditQuery query, Consumer<AuditEntry> sink) {
		Where where = Where.of(query, null);
		List<Object> params = new ArrayList<>(where.params());
		params.add(EXPORT_LIMIT);
		int[] count = { 0 };
		streaming.sql("select * from audit_events" + where.sql() + " order by id desc limit ?")
			.params(params)
			.query((RowCallbackHandler) rs -> {
				sink.accept(entry(rs, count[0]));
				count[0]++;
			});
		return count[0];
	}

	/**
	 * Written in its own transaction: a failed sign-in rolls back its work, never its audit entry. Entries written
	 * while a web request is handled carry its client address and user agent.
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	void append(String type, @Nullable Long userId, @Nullable String subject, @Nullable String detail) {
		RequestOrigin origin = RequestOrigin.current();
		jdbc.sql("insert into audit_events (occurred_at, type, user_id, subject, detail, ip, user_agent)"
				+ " values (?, ?, ?, ?, ?, ?, ?)")
			.params(OffsetDateTime.now(clock.withZone(ZoneOffset.UTC)), type, userId, truncate(subject, 320),
					truncate(detail, 2000), truncate(origin.ip(), 64), truncate(origin.userAgent(), 300))
			.update();
	}

	private static AuditEntry entry(ResultSet rs, int row) throws SQLException {
		return new AuditEntry(rs.getLong("id"), rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
				rs.getString("type"), rs.getObject("user_id", Long.class), rs.getString("subject"),
				rs.getString("detail"), rs.getString("ip"), rs.getString("user_agent"));
	}

	private static @Nullable String truncate(@Nullable String value, int max) {
		return value == null || value.length() <= max ? value : value.substring(0, max);
	}

	/** The where clause of a query, with its positional parameters. */
	private record Where(String sql, List<Object> params) {

		static Where of(AuditQuery query, @Nullable Long olderThan) {
			List<String> conditions = new ArrayList<>();
			List<Object> params = new ArrayList<>();
			if (olderThan != null) {
				conditions.add("id < ?");
				params.add(olderThan);
			}
			if (query.person() != null) {
				String contains = "%" + escapeLike(query.person().toLowerCase(java.util.Locale.ROOT)) + "%";
				Long userId = query.personAsUserId();
				if (userId != null) {
					conditions.add("(user_id = ? or lower(subject) like ? escape '\\')");
					params.add(userId);
				}
				else {
					conditions.add("lower(subject) like ? escape '\\'");
				}
				params.add(contains);
			}
			if (query.type() != null) {
				if (query.typeIsPrefix()) {
					conditions.add("type like ? escape '\\'");
					params.add(escapeLike(query.type()) + "%");
				}
				else {
					conditions.add("type = ?");
					params.add(query.type());
				}
			}
			if (query.from() != null) {
				conditions.add("occurred_at >= ?");
				params.add(query.from().atStartOfDay().atOffset(ZoneOffset.UTC));
			}
			if (query.to() != null) {
				conditions.add("occurred_at < ?");
				params.add(query.to().plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC));
			}
			return new Where(conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions), params);
		}

		private static String escapeLike(String text) {
			return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
		}

	}

}
