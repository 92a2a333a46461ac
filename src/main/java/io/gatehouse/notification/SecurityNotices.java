package io.gatehouse.notification;

import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

import io.gatehouse.account.PasswordChanged;
import io.gatehouse.mail.MailUnavailable;
import io.gatehouse.mail.Mailer;
import io.gatehouse.mfa.FactorEnrolled;
import io.gatehouse.mfa.FactorRemoved;
import io.gatehouse.mfa.FactorsReset;
import io.gatehouse.mfa.RecoveryCodesRegenerated;
import io.gatehouse.settings.PublicUrls;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * E-mails the person after a change to how they sign in, once the change is committed. The mail names what changed
 * and when, and what to do if it was not them; it carries no secret. A mail that cannot be sent is logged and changes
 * nothing (the change itself stands).
 */
@Component
class SecurityNotices {

	private static final Logger LOG = LoggerFactory.getLogger(SecurityNotices.class);

	private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm 'UTC'")
		.withZone(ZoneOffset.UTC);

	private final Mailer mailer;

	private final PublicUrls urls;

	private final Clock clock;

	SecurityNotices(Mailer mailer, PublicUrls urls, Optional<Clock> clock) {
		this.mailer = mailer;
		this.urls = urls;
		this.clock = clock.orElse(Clock.systemUTC());
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
	void on(PasswordChanged event) {
		if (event.reset()) {
			send(event.email(), "Your Gatehouse password was reset", """
					Your Gatehouse password was reset with a link sent to this address, on %s. \
					Every device that was signed in has been signed out.""".formatted(now()));
		}
		else {
			send(event.email(), "Your Gatehouse password was changed", """
					Your Gatehouse password was changed on your account page, on %s. \
					Every other device that was signed in has been signed out.""".formatted(now()));
		}
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
	void on(FactorEnrolled event) {
		send(event.email(), "A second factor was added to your Gatehouse account", """
				A second factor (%s) was added to your Gatehouse account on %s. \
				It will be asked for when you sign in.""".formatted(label(event.type()), now()));
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
	void on(FactorRemoved event) {
		send(event.email(), "A second factor was removed from your Gatehouse account", """
				A second factor (%s) was removed from your Gatehouse account on %s.""".formatted(label(event.type()),
				now()));
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
	void on(FactorsReset event) {
		if (event.removed() > 0) {
			send(event.email(), "Your Gatehouse second factors were reset", """
					An administrator removed the second factors and recovery codes of your Gatehouse account on %s. \
					You may be asked to set up a new one when you next sign in.""".formatted(now()));
		}
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
	void on(RecoveryCodesRegenerated event) {
		if (event.replaced()) {
			send(event.email(), "New Gatehouse recovery codes were made", """
					New recovery codes were made for your Gatehouse account on %s. \
					The earlier ones no longer work.""".formatted(now()));
		}
	}

	private void send(String to, String subject, String firstParagraph) {
		String text = firstParagraph + """


				If this was not you, someone else may be signed in as you: reset your password at %s and tell your \
				administrator.""".formatted(urls.absolute("/accounts/password-reset"));
		try {
			mailer.send(to, subject, text);
		}
		catch (MailUnavailable e) {
			LOG.warn("Security notice not sent ({}): {}", subject, e.getMessage());
		}
	}

	private String now() {
		return WHEN.format(clock.instant());
	}

	private static String label(String type) {
		return "totp".equals(type) ? "an authenticator app" : "sms".equals(type) ? "text messages to a phone" : type;
	}

}
