package io.gatehouse.throttle;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Consecutive failures per account and kind of secret (a password, or the codes of the second step). An attempt must
 * be reserved before the secret is checked, by one atomic update: while failures are few, several may run at once; from
 * the fifth failure on, one at a time and only after a delay that doubles with each failure; at the hundredth, none.
 * So fifty concurrent guesses evaluate at most five. A success clears the count. Reaching the hard stop publishes
 * {@link HardStopReached} once; {@link #unlock} (an administrator's) or {@link #reset} lifts it.
 */
@Service
public class AccountThrottle {

	/** What kind of secret is tried: each has its own count, so passing one never resets another. */
	public enum Secret {

		PASSWORD, CODE

	}

	/** The subject of an account: {@code user:<id>}. */
	public static final String USER_PREFIX = "user:";

	/** An attempt that never reported back (a crash) stops counting as running after this long. */
	private static final Duration STALE = Duration.ofMinutes(1);

	private final JdbcClient jdbc;

	private final ThrottleSettings settings;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	AccountThrottle(JdbcClient jdbc, ThrottleSettings settings, Optional<Clock> clock, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.settings = settings;
		this.clock = clock.orElse(Clock.systemUTC());
		this.events = events;
	}

	/** The subject that names an account. */
	public static String user(long userId) {
		return USER_PREFIX + userId;
	}

	/**
	 * Reserves an attempt for the secret of a subject (an account id, or the name typed for an unknown account, so that
	 * both behave the same).
	 * @return the attempt, or empty when the subject is throttled or locked: answer as for a wrong secret
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public Optional<Attempt> begin(Secret secret, String subject) {
		String key = key(secret, subject);
		OffsetDateTime now = now();
		OffsetDateTime stale = now.minus(STALE);
		jdbc.sql("""
				insert into throttle_accounts (throttle_key, failures, in_flight, updated_at) values (?, 0, 0, ?)
				on conflict do nothing""").params(key, now).update();
		int reserved = jdbc.sql("""
				update throttle_accounts
				set in_flight = case when updated_at < :stale then 1 else in_flight + 1 end, updated_at = :now
				where throttle_key = :key and failures < :hardStop
				  and (failures + (case when updated_at < :stale then 0 else in_flight end) < :free
				       or ((case when updated_at < :stale then 0 else in_flight end) = 0
				           and (next_attempt_at is null or next_attempt_at <= :now)))""")
			.param("stale", stale)
			.param("now", now)
			.param("key", key)
			.param("hardStop", settings.hardStop())
			.param("free", settings.freeFailures())
			.update();
		return reserved == 1 ? Optional.of(new Attempt(key)) : Optional.empty();
	}

	/** The secret was wrong: counts a consecutive failure and sets the delay before the next attempt. */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void failed(Attempt attempt) {
		OffsetDateTime now = now();
		jdbc.sql("""
				update throttle_accounts set failures = failures + 1,
				    in_flight = case when in_flight > 0 then in_flight - 1 else 0 end, updated_at = ?
				where throttle_key = ?""").params(now, attempt.key()).update();
		int failures = jdbc.sql("select failures from throttle_accounts where throttle_key = ?")
			.param(attempt.key())
			.query(Integer.class)
			.single();
		if (failures >= settings.freeFailures()) {
			jdbc.sql("update throttle_accounts set next_attempt_at = ? where throttle_key = ?")
				.params(now.plus(delayAfter(failures)), attempt.key())
				.update();
		}
		// Only the failure that sets locked_at tells anyone: later attempts are refused before they get here, and of
		// two racing failures only one sets it.
		if (failures >= settings.hardStop() && jdbc.sql("""
				update throttle_accounts set locked_at = ? where throttle_key = ? and locked_at is null""")
			.params(now, attempt.key())
			.update() == 1) {
			int colon = attempt.key().indexOf(':');
			events.publishEvent(new HardStopReached(
					Secret.valueOf(attempt.key().substring(0, colon).toUpperCase(Locale.ROOT)),
					attempt.key().substring(colon + 1)));
		}
	}

	/** The secret was right: the count starts again. */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void succeeded(Attempt attempt) {
		jdbc.sql("""
				update throttle_accounts set failures = 0, next_attempt_at = null, locked_at = null,
				    in_flight = case when in_flight > 0 then in_flight - 1 else 0 end, updated_at = ?
				where throttle_key = ?""").params(now(), attempt.key()).update();
	}

	/** The secret could not be checked (e.g. WorkOS unreachable): neither a failure nor a success. */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void abandon(Attempt attempt) {
		jdbc.sql("update throttle_accounts set in_flight = case when in_flight > 0 then in_flight - 1 else 0 end where throttle_key = ?")
			.param(attempt.key())
			.update();
	}

	/**
	 * Reserves an attempt, checks the secret and reports how it went.
	 * @return whether the secret was right; false also when throttled or locked (the same answer as a wrong one)
	 */
	public boolean check(Secret secret, String subject, java.util.function.BooleanSupplier evaluation) {
		Optional<Attempt> attempt = begin(secret, subject);
		if (attempt.isEmpty()) {
			return false;
		}
		boolean right;
		try {
			right = evaluation.getAsBoolean();
		}
		catch (RuntimeException e) {
			abandon(attempt.get());
			throw e;
		}
		if (right) {
			succeeded(attempt.get());
		}
		else {
			failed(attempt.get());
		}
		return right;
	}

	/** Clears a subject's count for a secret, e.g. after a password reset by e-mail. */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void reset(Secret secret, String subject) {
		jdbc.sql("update throttle_accounts set failures = 0, next_attempt_at = null, locked_at = null where throttle_key = ?")
			.param(key(secret, subject))
			.update();
	}

	/**
	 * Which secrets of these subjects are at the hard stop.
	 * @return the locked secrets by subject (as given); subjects with none are absent
	 */
	@Transactional(readOnly = true)
	public Map<String, Set<Secret>> locked(Collection<String> subjects) {
		Map<String, Set<Secret>> locked = new LinkedHashMap<>();
		if (subjects.isEmpty()) {
			return locked;
		}
		Map<String, String> subjectOfKey = new LinkedHashMap<>();
		Map<String, Secret> secretOfKey = new LinkedHashMap<>();
		for (String subject : subjects) {
			for (Secret secret : Secret.values()) {
				subjectOfKey.put(key(secret, subject), subject);
				secretOfKey.put(key(secret, subject), secret);
			}
		}
		List<String> keys = jdbc
			.sql("select throttle_key from throttle_accounts where throttle_key in (:keys) and failures >= :hardStop")
			.param("keys", List.copyOf(subjectOfKey.keySet()))
			.param("hardStop", settings.hardStop())
			.query(String.class)
			.list();
		for (String key : keys) {
			locked.computeIfAbsent(subjectOfKey.get(key), s -> EnumSet.noneOf(Secret.class)).add(secretOfKey.get(key));
		}
		return locked;
	}

	/**
	 * Lifts the hard stop of every secret of a subject and clears their counts, whether or not they were locked.
	 * @return the secrets that were locked
	 */
	@Transactional
	public Set<Secret> unlock(String subject) {
		Set<Secret> wereLocked = locked(List.of(subject)).getOrDefault(subject, EnumSet.noneOf(Secret.class));
		for (Secret secret : Secret.values()) {
			jdbc.sql("update throttle_accounts set failures = 0, next_attempt_at = null, locked_at = null where throttle_key = ?")
				.param(key(secret, subject))
				.update();
		}
		return wereLocked;
	}

	/** The row of a subject's secret: the subject in lower case, so a typed name counts whatever its case. */
	private static String key(Secret secret, String subject) {
		String key = secret.name().toLowerCase(Locale.ROOT) + ":" + subject.toLowerCase(Locale.ROOT);
		return key.length() > 200 ? key.substring(0, 200) : key;
	}

	/** 1 s after the fifth failure (by default), then doubling, up to the maximum. */
	Duration delayAfter(int failures) {
		int beyond = failures - settings.freeFailures();
		Duration delay = settings.firstDelay().multipliedBy(1L << Math.min(beyond, 30));
		return delay.compareTo(settings.maxDelay()) > 0 ? settings.maxDelay() : delay;
	}

	private OffsetDateTime now() {
		return clock.instant().atOffset(ZoneOffset.UTC);
	}

}
