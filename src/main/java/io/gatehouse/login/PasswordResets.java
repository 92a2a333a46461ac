package io.gatehouse.login;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import io.gatehouse.account.AccountFacts;
import io.gatehouse.account.Accounts;
import io.gatehouse.account.NewPasswords;
import io.gatehouse.account.PasswordChanged;
import io.gatehouse.account.PasswordPolicy;
import io.gatehouse.account.Passwords;
import io.gatehouse.account.UserSessions;
import io.gatehouse.mail.Deliveries;
import io.gatehouse.mail.MailUnavailable;
import io.gatehouse.mail.Mailer;
import io.gatehouse.rules.LoginRules;
import io.gatehouse.rules.RuleDecision;
import io.gatehouse.secrets.Secrets;
import io.gatehouse.settings.PublicUrls;
import io.gatehouse.throttle.AccountThrottle;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Password reset by e-mail, for people whose rule signs them in with a password: a single-use link valid 30 minutes,
 * stored only as a hash. Asking answers the same, in the same time, whether or not the account exists. A reset never
 * signs anyone in, so it never skips a second factor. A reset ends every session of the person (whoever held one is
 * out), and a password change on the account page voids every unused link.
 */
@Service
class PasswordResets {

	static final Duration LIFETIME = Duration.ofMinutes(30);

	static final int MAX_PER_WINDOW = 3;

	private final JdbcClient jdbc;

	private final Accounts accounts;

	private final Passwords passwords;

	private final LoginRules rules;

	private final SecondFactors factors;

	private final Mailer mailer;

	private final PublicUrls urls;

	private final Clock clock;

	private final AccountThrottle throttle;

	private final TransactionTemplate transactions;

	private final UserSessions sessions;

	private final ApplicationEventPublisher events;

	private final NewPasswords newPasswords;

	private final Deliveries deliveries;

	PasswordResets(JdbcClient jdbc, Accounts accounts, Passwords passwords, LoginRules rules, SecondFactors factors,
			Mailer mailer, PublicUrls urls, Optional<Clock> clock, AccountThrottle throttle,
			PlatformTransactionManager transactionManager, UserSessions sessions, ApplicationEventPublisher events,
			NewPasswords newPasswords, Deliveries deliveries) {
		this.sessions = sessions;
		this.events = events;
		this.newPasswords = newPasswords;
		this.deliveries = deliveries;
		this.transactions = new TransactionTemplate(transactionManager);
		this.throttle = throttle;
		this.jdbc = jdbc;
		this.accounts = accounts;
		this.passwords = passwords;
		this.rules = rules;
		this.factors = factors;
		this.mailer = mailer;
		this.urls = urls;
		this.clock = clock.orElse(Clock.systemUTC());
	}

	/**
	 * Sends a reset link if the address belongs to an active password account; silently does nothing otherwise. Returns
	 * at once, for every address: finding the account and sending the link happen in the background, so the answer
	 * takes the same time whether or not the account exists.
	 */
	public void request(String email) {
		deliveries.submit("password_reset", null, email,
				() -> transactions.executeWithoutResult(status -> sendIfEligible(email)));
	}

	/** @throws MailUnavailable when the mail cannot be sent (the token is rolled back; the delivery is retried) */
	private void sendIfEligible(String email) {
		Optional<AccountFacts> account = accounts.findForLogin(email, true, false).filter(AccountFacts::active);
		if (account.isEmpty() || !passwordRule(account.get())) {
			return;
		}
		long userId = account.get().userId();
		OffsetDateTime now = now();
		long recent = jdbc.sql("select count(*) from password_reset_tokens where user_id = ? and created_at > ?")
			.params(userId, now.minus(LIFETIME))
			.query(Long.class)
			.single();
		if (recent >= MAX_PER_WINDOW) {
			return;
		}
		String token = Secrets.randomToken(32);
		jdbc.sql("insert into password_reset_tokens (token_hash, user_id, created_at, expires_at) values (?, ?, ?, ?)")
			.params(Secrets.sha256Hex(token), userId, now, now.plus(LIFETIME))
			.update();
		mailer.send(account.get().email(), "Reset your Gatehouse password", """
				Someone asked to reset the password of your Gatehouse account.

				To choose a new password, open this link within 30 minutes:
				%s

				If it was not you, ignore this message: your password stays as it is.""".formatted(
				urls.absolute("/accounts/password-reset/" + token)));
	}

	/** Whether a link's token is still usable (unused, not expired); does not use it up. */
	@Transactional(readOnly = true)
	public boolean isUsable(String token) {
		return jdbc.sql("select count(*) from password_reset_tokens where token_hash = ? and used_at is null and expires_at > ?")
			.params(Secrets.sha256Hex(token), now())
			.query(Long.class)
			.single() == 1;
	}

	/**
	 * Why the person this link is for may not choose this password ({@link PasswordPolicy}, by their rule); empty
	 * when they may, and when the link does not work ({@link #reset} then says so).
	 */
	@Transactional(readOnly = true)
	public Optional<PasswordPolicy.Refusal> refusal(String token, String newPassword) {
		return jdbc.sql("select user_id from password_reset_tokens where token_hash = ? and used_at is null and expires_at > ?")
			.params(Secrets.sha256Hex(token), now())
			.query(Long.class)
			.optional()
			.flatMap(userId -> newPasswords.refusal(userId, newPassword));
	}

	/**
	 * Uses the token once to set a new password, then ends every session of the person but
	 * {@code currentSessionId} (the session of this request, which the caller ends itself if it is the person's).
	 * The new password is hashed before the transaction that uses the token, so no connection waits for the hasher.
	 * @return whose password it was; empty if the link is expired, used, or no longer for a password user
	 */
	public Optional<Long> reset(String token, String newPassword, @Nullable String currentSessionId) {
		if (!isUsable(token)) {
			return Optional.empty();
		}
		String hash = passwords.hash(newPassword);
		Optional<AccountFacts> account = Optional.ofNullable(transactions.execute(status -> useToken(token, hash)));
		account.ifPresent(person -> {
			int ended = sessions.endAllExcept(person.userId(), currentSessionId);
			events.publishEvent(new PasswordChanged(person.userId(), person.email(), true, ended));
		});
		return account.map(AccountFacts::userId);
	}

	/** A password changed on the account page: every link not used yet stops working. */
	@EventListener
	void on(PasswordChanged event) {
		if (!event.reset()) {
			jdbc.sql("update password_reset_tokens set used_at = ? where user_id = ? and used_at is null")
				.params(now(), event.userId())
				.update();
		}
	}

	private @Nullable AccountFacts useToken(String token, String newHash) {
		OffsetDateTime now = now();
		Optional<Long> userId = jdbc.sql("select user_id from password_reset_tokens where token_hash = ? and used_at is null and expires_at > ?")
			.params(Secrets.sha256Hex(token), now)
			.query(Long.class)
			.optional();
		if (userId.isEmpty()
				|| jdbc.sql("update password_reset_tokens set used_at = ? where token_hash = ? and used_at is null")
					.params(now, Secrets.sha256Hex(token))
					.update() != 1) {
			return null;
		}
		Optional<AccountFacts> account = accounts.facts(userId.get()).filter(AccountFacts::active);
		if (account.isEmpty() || !passwordRule(account.get())) {
			return null;
		}
		passwords.setHash(userId.get(), newHash);
		// Whoever reads the person's mail may choose their password: the guessing count starts afresh.
		throttle.reset(AccountThrottle.Secret.PASSWORD, "user:" + userId.get());
		jdbc.sql("update password_reset_tokens set used_at = ? where user_id = ? and used_at is null").params(now, userId.get()).update();
		return account.get();
	}

	private boolean passwordRule(AccountFacts account) {
		return rules.forUser(RuleFacts.of(account, factors.hasFactor(account.userId())))
			.map(RuleDecision::method)
			.filter(method -> method.usesPassword())
			.isPresent();
	}

	private OffsetDateTime now() {
		return clock.instant().atOffset(ZoneOffset.UTC);
	}

}
