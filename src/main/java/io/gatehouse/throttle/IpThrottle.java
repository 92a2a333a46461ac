package io.gatehouse.throttle;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Fixed-window limits per IP address, counted in the database so that every instance sees the same count. */
@Service
public class IpThrottle {

	/** What is counted. */
	public enum Bucket {

		/** Passwords and codes tried. */
		SIGN_IN(Duration.ofMinutes(1)),
		/** Step 1 of the login page and {@code GET /accounts/login-method}. */
		LOOKUP(Duration.ofMinutes(1)),
		/** Texts, e-mailed codes, magic links and reset links sent. */
		CODE_SEND(Duration.ofMinutes(10));

		private final Duration window;

		Bucket(Duration window) {
			this.window = window;
		}

	}

	private final JdbcClient jdbc;

	private final ThrottleSettings settings;

	private final Clock clock;

	IpThrottle(JdbcClient jdbc, ThrottleSettings settings, Optional<Clock> clock) {
		this.jdbc = jdbc;
		this.settings = settings;
		this.clock = clock.orElse(Clock.systemUTC());
	}

	/** Counts one more for this address; false when it is over the limit (the request should be refused). */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public boolean allow(Bucket bucket, String ip) {
		String key = bucket.name() + ":" + (ip.length() > 64 ? ip.substring(0, 64) : ip);
		OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);
		OffsetDateTime windowStart = now.minus(bucket.window);
		jdbc.sql("insert into throttle_windows (throttle_key, window_start, hits) values (?, ?, 0) on conflict do nothing")
			.params(key, now)
			.update();
		jdbc.sql("""
				update throttle_windows
				set hits = case when window_start <= :start then 1 else hits + 1 end,
				    window_start = case when window_start <= :start then :now else window_start end
				where throttle_key = :key""")
			.param("start", windowStart)
			.param("now", now)
			.param("key", key)
			.update();
		int hits = jdbc.sql("select hits from throttle_windows where throttle_key = ?").param(key).query(Integer.class).single();
		return hits <= limit(bucket);
	}

	private int limit(Bucket bucket) {
		switch (bucket) {
			case SIGN_IN:
				return settings.signInsPerIp();
			case LOOKUP:
				return settings.lookupsPerIp();
			default:
				return settings.codeSendsPerIp();
		}
	}

	/** Forgets windows and clean counts nobody has touched for a day. */
	@Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT10M")
	@Transactional
	public void forgetOldCounts() {
		OffsetDateTime dayAgo = clock.instant().atOffset(ZoneOffset.UTC).minusDays(1);
		jdbc.sql("delete from throttle_windows where window_start < ?").param(dayAgo).update();
		jdbc.sql("delete from throttle_accounts where failures = 0 and updated_at < ?").param(dayAgo).update();
	}

}
