package io.gatehouse.emulator;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.springframework.stereotype.Component;

/**
 * The one clock of directory changes: every tick is strictly later than the one before (at least a millisecond, the
 * precision of WorkOS timestamps), also across restarts. A changed user's or group's {@code updated_at} and its
 * event's {@code created_at} are the same tick, so later changes of an entity always carry a larger
 * {@code updated_at} and events are in {@code created_at} order.
 */
@Component
@LocalModeOnly
class EmulatorClock {

	private OffsetDateTime last;

	EmulatorClock(EmulatorDatabase database) {
		List<OffsetDateTime> latest = database.jdbc().sql("""
				select max(t) from (select max(created_at) t from events
				                    union all select max(updated_at) from directory_users
				                    union all select max(updated_at) from directory_groups) latest""")
			.query((rs, i) -> rs.getObject(1, OffsetDateTime.class))
			.list();
		this.last = latest.isEmpty() || latest.get(0) == null ? OffsetDateTime.MIN : latest.get(0);
	}

	synchronized OffsetDateTime tick() {
		OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
		if (!now.isAfter(last)) {
			now = last.plus(Duration.ofMillis(1)).withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
		}
		last = now;
		return now;
	}

}
