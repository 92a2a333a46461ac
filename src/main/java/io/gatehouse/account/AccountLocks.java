package io.gatehouse.account;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.gatehouse.account.internal.UserAccount;
import io.gatehouse.account.internal.UserRepository;
import io.gatehouse.mail.MailUnavailable;
import io.gatehouse.mail.Mailer;
import io.gatehouse.settings.PublicUrls;
import io.gatehouse.throttle.AccountThrottle;
import io.gatehouse.throttle.HardStopReached;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Accounts at the hard stop of throttling: anyone who knows a username can lock its password (or codes) by guessing,
 * so every active administrator is told by e-mail once when it happens, the lock shows on the users list, and an
 * administrator lifts it. The locked person meanwhile gets exactly the answer of a wrong password or code.
 */
@Service
public class AccountLocks {

	private static final Logger LOG = LoggerFactory.getLogger(AccountLocks.class);

	private final AccountThrottle throttle;

	private final UserRepository users;

	private final Mailer mailer;

	private final PublicUrls urls;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate reading;

	AccountLocks(AccountThrottle throttle, UserRepository users, Mailer mailer, PublicUrls urls,
			ApplicationEventPublisher events, PlatformTransactionManager transactions) {
		this.throttle = throttle;
		this.users = users;
		this.mailer = mailer;
		this.urls = urls;
		this.events = events;
		this.reading = new TransactionTemplate(transactions);
		this.reading.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.reading.setReadOnly(true);
	}

	/** What the users list and the e-mails call a secret. */
	static String label(AccountThrottle.Secret secret) {
		return secret == AccountThrottle.Secret.PASSWORD ? "password" : "codes";
	}

	/** Which secrets of these accounts are locked ({@code password}, {@code codes}); accounts with none are absent. */
	public Map<Long, List<String>> locked(Collection<Long> userIds) {
		Map<String, Long> bySubject = new LinkedHashMap<>();
		userIds.forEach(id -> bySubject.put(AccountThrottle.user(id), id));
		Map<Long, List<String>> locked = new LinkedHashMap<>();
		throttle.locked(bySubject.keySet())
			.forEach((subject, secrets) -> locked.put(bySubject.get(subject),
					secrets.stream().sorted().map(AccountLocks::label).toList()));
		return locked;
	}

	/**
	 * Lifts the hard stop of the account's password and codes and clears their counts; audited as an unlock.
	 * @return the secrets that were locked, or empty when there is no such account
	 */
	public Optional<List<String>> unlock(long userId, String actor) {
		Optional<String> email = reading.execute(status -> users.findById(userId).map(UserAccount::getEmail));
		if (email.isEmpty()) {
			return Optional.empty();
		}
		Set<AccountThrottle.Secret> wereLocked = throttle.unlock(AccountThrottle.user(userId));
		List<String> secrets = wereLocked.stream().sorted().map(AccountLocks::label).toList();
		events.publishEvent(new AccountUnlocked(userId, email.get(), actor, secrets));
		return Optional.of(secrets);
	}

	/**
	 * A secret reached the hard stop: audit it, and tell every active administrator when it is an account's. Runs
	 * after the failure that reached it is committed; a mail that cannot be sent is logged, never fails the sign-in.
	 */
	@TransactionalEventListener(fallbackExecution = true)
	void on(HardStopReached event) {
		String secret = label(event.secret());
		Optional<Long> userId = event.userId();
		if (userId.isEmpty()) {
			int colon = event.subject().indexOf(':');
			events.publishEvent(new AccountLocked(null, event.subject().substring(colon + 1), secret));
			return;
		}
		record Recipients(String email, List<String> admins) {
		}
		Recipients recipients = reading.execute(status -> users.findById(userId.get())
			.map(user -> new Recipients(user.getEmail(), users.findByAdminTrueAndActiveTrueOrderByEmailNormalized()
				.stream()
				.map(UserAccount::getEmail)
				.toList()))
			.orElse(null));
		if (recipients == null) {
			return;
		}
		events.publishEvent(new AccountLocked(userId.get(), recipients.email(), secret));
		String what = secret.equals("password") ? "password" : "second-step codes (app, text, e-mail and recovery codes)";
		String link = UriComponentsBuilder.fromUriString(urls.absolute("/admin/users"))
			.queryParam("q", "{email}")
			.encode()
			.buildAndExpand(recipients.email())
			.toUriString();
		for (String admin : recipients.admins()) {
			try {
				mailer.send(admin, "Gatehouse: sign-in locked for " + recipients.email(), """
						The %s of %s failed too many times in a row, so Gatehouse no longer accepts it, even when it is
						right. Someone may be guessing: anyone who knows the username can cause this.

						Check with the person, then unlock the account on the users page:
						%s
						""".formatted(what, recipients.email(), link));
			}
			catch (MailUnavailable e) {
				LOG.warn("Could not tell administrator {} that user {} is locked: {}", admin, userId.get(), e.getMessage());
			}
		}
	}

}
