package io.gatehouse.mfa;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.gatehouse.secrets.Secrets;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Ten single-use recovery codes per person, for when their phone is lost. Shown once when created; stored only as
 * hashes; a new set invalidates the old one; each use is audited and shown to the person.
 */
@Service
public class RecoveryCodes {

	static final int COUNT = 10;

	private static final char[] ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789".toCharArray();

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	RecoveryCodes(JdbcClient jdbc, ApplicationEventPublisher events, Optional<Clock> clock) {
		this.jdbc = jdbc;
		this.events = events;
		this.clock = clock.orElse(Clock.systemUTC());
	}

	/** Replaces the person's codes with a new set and returns it: the only time the codes are seen. */
	@Transactional
	public List<String> regenerate(long userId) {
		jdbc.sql("delete from recovery_codes where user_id = ?").param(userId).update();
		List<String> codes = new ArrayList<>();
		for (int i = 0; i < COUNT; i++) {
			String code = newCode();
			codes.add(code);
			jdbc.sql("insert into recovery_codes (user_id, code_hash, created_at) values (?, ?, ?)")
				.params(userId, Secrets.sha256Hex(code), now())
				.update();
		}
		return codes;
	}

	/** As {@link #regenerate(long)}, for the person's own request: {@link RecoveryCodesRegenerated} tells the rest. */
	@Transactional
	public List<String> regenerate(long userId, String email) {
		boolean replaced = hasCodes(userId);
		List<String> codes = regenerate(userId);
		events.publishEvent(new RecoveryCodesRegenerated(userId, email, replaced));
		return codes;
	}

	@Transactional(readOnly = true)
	public boolean hasCodes(long userId) {
		return jdbc.sql("select count(*) from recovery_codes where user_id = ?").param(userId).query(Long.class).single() > 0;
	}

	@Transactional(readOnly = true)
	public int remaining(long userId) {
		return jdbc.sql("select count(*) from recovery_codes where user_id = ? and used_at is null")
			.param(userId)
			.query(Long.class)
			.single()
			.intValue();
	}

	/** Uses one code: true if it was one of the person's unused codes (it is now used). */
	@Transactional
	public boolean use(long userId, String email, String typed) {
		String normalized = typed.trim().toLowerCase(Locale.ROOT).replace(" ", "");
		if (!normalized.matches("[a-z0-9]{5}-?[a-z0-9]{5}")) {
			return false;
		}
		String code = normalized.contains("-") ? normalized : normalized.substring(0, 5) + "-" + normalized.substring(5);
		boolean used = jdbc.sql("update recovery_codes set used_at = ? where user_id = ? and code_hash = ? and used_at is null")
			.params(now(), userId, Secrets.sha256Hex(code))
			.update() == 1;
		if (used) {
			events.publishEvent(new RecoveryCodeUsed(userId, email, remaining(userId)));
		}
		return used;
	}

	private OffsetDateTime now() {
		return clock.instant().atOffset(ZoneOffset.UTC);
	}

	private static String newCode() {
		StringBuilder code = new StringBuilder();
		for (int i = 0; i < 10; i++) {
			if (i == 5) {
				code.append('-');
			}
			code.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
		}
		return code.toString();
	}

}
