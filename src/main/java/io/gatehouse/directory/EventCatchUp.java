package io.gatehouse.directory;

import java.time.Duration;

import io.gatehouse.workos.DirectoryEvent;
import io.gatehouse.workos.DirectoryEventsPage;
import io.gatehouse.workos.WorkOs;
import io.gatehouse.workos.WorkOsException;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Reads the Events API after the last event it saw and applies whatever a webhook did not bring (a lost delivery,
 * the app being down): every event passes through the same once-only intake, so reading one twice is harmless.
 * Runs on a schedule, on one instance at a time.
 */
@Component
class EventCatchUp {

	static final String LOCK = "directory-events-catch-up";

	static final String CURSOR = "events";

	private static final Logger log = LoggerFactory.getLogger(EventCatchUp.class);

	private final WorkOs workos;

	private final EventIntake intake;

	private final SyncLock lock;

	private final JdbcClient jdbc;

	private final DirectoryMirror mirror;

	private final DirectorySettings settings;

	EventCatchUp(WorkOs workos, EventIntake intake, SyncLock lock, JdbcClient jdbc, DirectoryMirror mirror,
			DirectorySettings settings, MeterRegistry meters) {
		// How old the newest reading of the Events API is: what the mirror may have missed is at most this old.
		Gauge.builder("gatehouse.directory.sync.lag", this, EventCatchUp::lagSeconds)
			.baseUnit("seconds")
			.description("Seconds since the Events API was last read to the end")
			.register(meters);
		this.workos = workos;
		this.intake = intake;
		this.lock = lock;
		this.jdbc = jdbc;
		this.mirror = mirror;
		this.settings = settings;
	}

	@Scheduled(fixedDelayString = "${gatehouse.directory.catch-up-every:30s}", initialDelayString = "${gatehouse.directory.catch-up-every:30s}")
	void onSchedule() {
		if (!settings.catchUpEnabled()) {
			return;
		}
		try {
			run();
		}
		catch (WorkOsException e) {
			log.warn("Events catch-up stopped: {}; it goes on from there next time", e.getMessage());
		}
	}

	/**
	 * Applies every event after the recorded cursor.
	 * @return how many events changed the mirror, or -1 if another instance is catching up
	 */
	int run() {
		if (!lock.acquire(LOCK, Duration.ofMinutes(2))) {
			return -1;
		}
		try {
			int applied = 0;
			String cursor = cursor();
			while (true) {
				DirectoryEventsPage page = workos.directoryEvents(cursor, 100);
				for (DirectoryEvent event : page.events()) {
					if (intake.apply(event, "events") == EventIntake.Outcome.APPLIED) {
						applied++;
					}
				}
				if (page.after() != null && !page.after().equals(cursor)) {
					cursor = page.after();
					save(CURSOR, cursor);
				}
				if (page.events().isEmpty()) {
					break;
				}
				lock.acquire(LOCK, Duration.ofMinutes(2));
			}
			save("events.checked_at", mirror.now().toString());
			if (applied > 0) {
				log.info("Events catch-up applied {} events that no webhook had brought", applied);
			}
			return applied;
		}
		finally {
			lock.release(LOCK);
		}
	}

	@Nullable String cursor() {
		return jdbc.sql("select cursor_value from directory_cursors where name = ?").param(CURSOR).query(String.class).optional().orElse(null);
	}

	@Nullable String lastChecked() {
		return jdbc.sql("select cursor_value from directory_cursors where name = 'events.checked_at'").query(String.class).optional().orElse(null);
	}

	private double lagSeconds() {
		String checked = lastChecked();
		if (checked == null) {
			return Double.NaN;
		}
		return java.time.Duration.between(java.time.OffsetDateTime.parse(checked), mirror.now()).toMillis() / 1000.0;
	}

	private void save(String name, String value) {
		if (jdbc.sql("update directory_cursors set cursor_value = ? where name = ?").params(value, name).update() == 0) {
			jdbc.sql("insert into directory_cursors (name, cursor_value) values (?, ?) on conflict do nothing").params(name, value).update();
		}
	}

}
