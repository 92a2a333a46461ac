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
 * The emulator's event log: every directory change made through the console becomes a WorkOS event
 * ({@code {"object":"event","id","event","data","created_at"}}), stored as the exact JSON later served by the Events
 * API and signed for webhooks, with its delivery status. Events are ordered by {@code seq}, which follows
 * {@code created_at} because changes are serialised ({@link DirectoryChanges}).
 */
@Component
@LocalModeOnly
class DirectoryEvents {

	/** Delivery states of an event. */
	static final String PENDING = "pending";

	static final String DELIVERED = "delivered";

	static final String FAILED = "failed";

	/** Recorded while the endpoint was paused: never sent. */
	static final String PAUSED = "paused";

	/** An event as stored, with its delivery status. */
	record Event(long seq, String id, String name, @Nullable String organizationId, @Nullable String directoryId,
			OffsetDateTime createdAt, String body, String status, int attempts, @Nullable OffsetDateTime deliveredAt,
			@Nullable String lastError) {
	}

	/** The filters of {@code GET /events}. */
	record Query(List<String> names, @Nullable Long afterSeq, boolean ascending, @Nullable OffsetDateTime rangeStart,
			@Nullable OffsetDateTime rangeEnd, @Nullable String organizationId, int limit) {
	}

	private final JdbcClient jdbc;

	private final EmulatorJson json;

	DirectoryEvents(EmulatorDatabase database, EmulatorJson json) {
		this.jdbc = database.jdbc();
		this.json = json;
	}

	/**
	 * Records an event; call inside the change's transaction.
	 * @param at the change's tick, which becomes {@code created_at}
	 * @param paused whether the webhook endpoint is paused, in which case the event will never be sent
	 * @return the event's id
	 */
	String record(String name, String organizationId, String directoryId, Map<String, Object> data, OffsetDateTime at,
			boolean paused) {
		String id = Ids.next("event");
		Map<String, Object> event = new LinkedHashMap<>();
		event.put("object", "event");
		event.put("id", id);
		event.put("event", name);
		event.put("data", data);
		event.put("created_at", ApiShapes.timestamp(at));
		jdbc.sql("""
				insert into events (id, event, organization_id, directory_id, created_at, body, status)
				values (?, ?, ?, ?, ?, ?, ?)""")
			.params(id, name, organizationId, directoryId, at, json.write(event), paused ? PAUSED : PENDING)
			.update();
		return id;
	}

	Optional<Long> seqOf(String id) {
		return jdbc.sql("select seq from events where id = ?").param(id).query(Long.class).optional();
	}

	Optional<Event> event(String id) {
		return jdbc.sql("select * from events where id = ?").param(id).query((rs, i) -> event(rs)).optional();
	}

	/** One page of events for the Events API, plus one more to tell whether another page follows. */
	List<Event> find(Query query) {
		StringBuilder sql = new StringBuilder("select * from events where 1 = 1");
		List<Object> params = new ArrayList<>();
		if (!query.names().isEmpty()) {
			sql.append(" and event in (").append(String.join(", ", query.names().stream().map(n -> "?").toList())).append(")");
			params.addAll(query.names());
		}
		if (query.afterSeq() != null) {
			sql.append(query.ascending() ? " and seq > ?" : " and seq < ?");
			params.add(query.afterSeq());
		}
		if (query.rangeStart() != null) {
			sql.append(" and created_at >= ?");
			params.add(query.rangeStart());
		}
		if (query.rangeEnd() != null) {
			sql.append(" and created_at <= ?");
			params.add(query.rangeEnd());
		}
		if (query.organizationId() != null) {
			sql.append(" and organization_id = ?");
			params.add(query.organizationId());
		}
		sql.append(" order by seq ").append(query.ascending() ? "asc" : "desc").append(" limit ?");
		params.add(query.limit() + 1);
		return jdbc.sql(sql.toString()).params(params).query((rs, i) -> event(rs)).list();
	}

	/** The newest events, newest first, for the console. */
	List<Event> recent(int limit) {
		return jdbc.sql("select * from events order by seq desc limit ?").param(limit).query((rs, i) -> event(rs)).list();
	}

	/** The oldest event still waiting to be sent. */
	Optional<Event> nextPending() {
		return jdbc.sql("select * from events where status = ? order by seq limit 1")
			.param(PENDING)
			.query((rs, i) -> event(rs))
			.optional();
	}

	void attempted(long seq, int attempts, @Nullable String error) {
		String shortError = error != null && error.length() > 1000 ? error.substring(0, 1000) : error;
		jdbc.sql("update events set attempts = ?, last_error = ? where seq = ?").params(attempts, shortError, seq).update();
	}

	void delivered(long seq, OffsetDateTime at) {
		jdbc.sql("update events set status = ?, delivered_at = ?, last_error = null where seq = ?")
			.params(DELIVERED, at, seq)
			.update();
	}

	void failed(long seq) {
		jdbc.sql("update events set status = ? where seq = ?").params(FAILED, seq).update();
	}

	void skipped(long seq) {
		jdbc.sql("update events set status = ? where seq = ?").params(PAUSED, seq).update();
	}

	/** Queues an event to be sent again. @return whether the event exists */
	boolean requeue(String id) {
		return jdbc.sql("update events set status = ?, attempts = 0, last_error = null where id = ?")
			.params(PENDING, id)
			.update() > 0;
	}

	boolean paused() {
		return jdbc.sql("select paused from webhook_endpoint where id = 1").query(Boolean.class).single();
	}

	void pause(boolean paused) {
		jdbc.sql("update webhook_endpoint set paused = ? where id = 1").param(paused).update();
	}

	private static Event event(java.sql.ResultSet rs) throws java.sql.SQLException {
		return new Event(rs.getLong("seq"), rs.getString("id"), rs.getString("event"), rs.getString("organization_id"),
				rs.getString("directory_id"), rs.getObject("created_at", OffsetDateTime.class), rs.getString("body"),
				rs.getString("status"), rs.getInt("attempts"), rs.getObject("delivered_at", OffsetDateTime.class),
				rs.getString("last_error"));
	}

}
