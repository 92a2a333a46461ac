package io.gatehouse.mfa;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import io.gatehouse.mail.Deliveries;
import io.gatehouse.mail.MailUnavailable;
import io.gatehouse.mail.Mailer;
import io.gatehouse.secrets.Secrets;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Six-digit codes sent by e-mail: valid 10 minutes, stored hashed, 5 attempts each, at most 3 sent per person in 10
 * minutes.
 */
@Service
public class EmailCodes {

	static final Duration LIFETIME = Duration.ofMinutes(10);

	static final int MAX_ATTEMPTS = 5;

	private final JdbcClient jdbc;

	private final Mailer mailer;

	private final Deliveries deliveries;

	private final Clock clock;

	EmailCodes(JdbcClient jdbc, Mailer mailer, Deliveries deliveries, Optional<Clock> clock) {
		this.jdbc = jdbc;
		this.mailer = mailer;
		this.deliveries = deliveries;
		this.clock = clock.orElse(Clock.systemUTC());
	}

	/**
	 * Sends a new code (earlier ones stop working). The code is stored at once; the e-mail goes out in the background
	 * once this commits (retried, and audited if it never goes out), so the page answers at once.
	 * @throws TooManyCodes when 3 were sent in the last 10 minutes
	 * @throws io.gatehouse.mail.MailUnavailable when no mail server is configured
	 */
	@Transactional
	public void send(long userId, String email) {
		if (!mailer.available()) {
			throw new MailUnavailable("No mail server is configured (set spring.mail.host)", null);
		}
		OffsetDateTime now = now();
		long recent = jdbc.sql("select count(*) from email_codes where user_id = ? and created_at > ?")
			.params(userId, now.minus(Factors.SMS_WINDOW))
			.query(Long.class)
			.single();
		if (recent >= Factors.SMS_LIMIT) {
			throw new TooManyCodes();
		}
		String code = Secrets.randomDigits(6);
		jdbc.sql("update email_codes set used_at = ? where user_id = ? and used_at is null").params(now, userId).update();
		jdbc.sql("insert into email_codes (user_id, code_hash, created_at, expires_at) values (?, ?, ?, ?)")
			.params(userId, Secrets.sha256Hex(userId + ":" + code), now, now.plus(LIFETIME))
			.update();
		String text = """
				Your sign-in code is %s

				It works once, for 10 minutes. If you did not try to sign in, change your password.""".formatted(code);
		deliveries.submit("email_code", userId, email, () -> mailer.send(email, "Your Gatehouse sign-in code", text));
	}

	/** Checks a code against the person's newest one; wrong codes use up its attempts. */
	@Transactional
	public boolean verify(long userId, String typed) {
		String code = typed.replace(" ", "").trim();
		OffsetDateTime now = now();
		Optional<Long> id = jdbc.sql("""
				select id from email_codes where user_id = ? and used_at is null and expires_at > ? and attempts < ?
				order by id desc""").params(userId, now, MAX_ATTEMPTS).query(Long.class).list().stream().findFirst();
		if (id.isEmpty()) {
			return false;
		}
		jdbc.sql("update email_codes set attempts = attempts + 1 where id = ?").param(id.get()).update();
		if (!code.matches("\\d{6}")) {
			return false;
		}
		return jdbc.sql("update email_codes set used_at = ? where id = ? and used_at is null and code_hash = ?")
			.params(now, id.get(), Secrets.sha256Hex(userId + ":" + code))
			.update() == 1;
	}

	private OffsetDateTime now() {
		return clock.instant().atOffset(ZoneOffset.UTC);
	}

}
