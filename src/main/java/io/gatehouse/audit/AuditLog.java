package io.gatehouse.audit;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Reads the audit log; entries are only ever added, by this module's listener. */
@Service
public class AuditLog {

	private final JdbcClient jdbc;

	private final Clock clock;

	AuditLog(JdbcClient jdbc, Optional<Clock> clock) {
		this.jdbc = jdbc;
		this.clock = clock.orElse(Clock.systemUTC());
	}

	/** The newest entries first. */
	@Transactional(readOnly = true)
	public List<AuditEntry> latest(int limit) {
		return jdbc.sql("select * from audit_events order by id desc limit ?")
			.param(limit)
			.query((rs, i) -> new AuditEntry(rs.getLong("id"),
					rs.getObject("occurred_at", OffsetDateTime.class).toInstant(), rs.getString("type"),
					(Long) rs.getObject("user_id", Long.class), rs.getString("subject"), rs.getString("detail")))
			.list();
	}

	/** Written in its own transaction: a failed sign-in rolls back its work, never its audit entry. */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	void append(String type, @Nullable Long userId, @Nullable String subject, @Nullable String detail) {
		jdbc.sql("insert into audit_events (occurred_at, type, user_id, subject, detail) values (?, ?, ?, ?, ?)")
			.params(OffsetDateTime.now(clock.withZone(ZoneOffset.UTC)), type, userId, truncate(subject, 320),
					truncate(detail, 2000))
			.update();
	}

	private static @Nullable String truncate(@Nullable String value, int max) {
		return value == null || value.length() <= max ? value : value.substring(0, max);
	}

}
