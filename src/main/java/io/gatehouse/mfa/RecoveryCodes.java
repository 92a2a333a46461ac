package io.gatehouse.mfa;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import io.gatehouse.secrets.Secrets;
import io.gatehouse.secrets.ServerKeys;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Ten single-use recovery codes per person, for when their phone is lost. Shown once when created; stored only as
 * hashes; a new set invalidates the old one; each use is audited and shown to the person.
 * <p>
 * A code is 16 characters of Crockford's base32 (80 random bits), shown in four groups ({@code 7k2m-q9xd-4hbt-r0pz}).
 * It is accepted in any case, with or without the dashes or spaces, and with {@code o}, {@code i} and {@code l} read
 * as {@code 0}, {@code 1} and {@code 1}. It is stored as an HMAC-SHA-256 of the person's id and the code, keyed by this
 * install's {@code recovery-codes} {@link ServerKeys server key}. Codes made before (10 characters, plain SHA-256) keep
 * working until the person makes a new set.
 */
@Service
public class RecoveryCodes {

	static final int COUNT = 10;

	/** Crockford's base32, lower case: 32 symbols, so 5 bits each; no i, l, o or u. */
	static final String ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz";

	/** Symbols in a code: 16 x 5 = 80 bits. */
	static final int LENGTH = 16;

	private static final String KEY = "recovery-codes";

	private static final String HMAC = "hmac-sha256";

	private static final String LEGACY = "sha256";

	private static final Pattern CODE = Pattern.compile("[" + ALPHABET + "]{" + LENGTH + "}");

	private static final Pattern LEGACY_CODE = Pattern.compile("[a-z0-9]{10}");

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final ServerKeys keys;

	RecoveryCodes(JdbcClient jdbc, ApplicationEventPublisher events, Optional<Clock> clock, ServerKeys keys) {
		this.keys = keys;
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
			jdbc.sql("insert into recovery_codes (user_id, code_hash, hash_scheme, created_at) values (?, ?, ?, ?)")
				.params(userId, hash(userId, canonical(code)), HMAC, now())
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
		if (typed.length() > 64) {
			return false;
		}
		String compact = typed.toLowerCase(Locale.ROOT).replaceAll("[\\s-]", "");
		String canonical = canonical(compact);
		String scheme;
		String hash;
		if (CODE.matcher(canonical).matches()) {
			scheme = HMAC;
			hash = hash(userId, canonical);
		}
		else if (LEGACY_CODE.matcher(compact).matches()) {
			scheme = LEGACY;
			hash = Secrets.sha256Hex(compact.substring(0, 5) + "-" + compact.substring(5));
		}
		else {
			return false;
		}
		boolean used = jdbc.sql("""
				update recovery_codes set used_at = ?
				where user_id = ? and code_hash = ? and hash_scheme = ? and used_at is null""")
			.params(now(), userId, hash, scheme)
			.update() == 1;
		if (used) {
			events.publishEvent(new RecoveryCodeUsed(userId, email, remaining(userId)));
		}
		return used;
	}

	/** A code as stored: lower case, no separators, Crockford's look-alikes read as the digits they stand for. */
	private static String canonical(String code) {
		return code.replace("-", "").replace('o', '0').replace('i', '1').replace('l', '1');
	}

	/** The person's id is in the HMAC too, so the same code never has the same hash for two people. */
	private String hash(long userId, String canonical) {
		return keys.hmacHex(KEY, userId + ":" + canonical);
	}

	private OffsetDateTime now() {
		return clock.instant().atOffset(ZoneOffset.UTC);
	}

	private static String newCode() {
		StringBuilder code = new StringBuilder();
		for (int i = 0; i < LENGTH; i++) {
			if (i > 0 && i % 4 == 0) {
				code.append('-');
			}
			code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
		}
		return code.toString();
	}

}
