package io.gatehouse.sso;

import io.gatehouse.login.MagicLinkLauncher;
import io.gatehouse.login.SsoTarget;
import io.gatehouse.mail.Deliveries;
import io.gatehouse.mail.Mailer;
import io.gatehouse.settings.GatehouseSettings;
import io.gatehouse.settings.PublicUrls;
import io.gatehouse.throttle.IpThrottle;
import io.gatehouse.workos.MagicLink;
import io.gatehouse.workos.WorkOs;
import io.gatehouse.workos.WorkOsException;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Starts a magic-link sign-in: a WorkOS passwordless session whose link comes back with an opaque, single-use state
 * bound to this browser session. WorkOS or Gatehouse e-mails the link, as configured, in the background; the link is
 * never logged or shown.
 */
@Component
class MagicLinkSignIn implements MagicLinkLauncher {

	static final String CALLBACK_PATH = "/accounts/callback/magic";

	static final SsoTarget TARGET = new SsoTarget(null, null, "MagicLink");

	private final WorkOs workos;

	private final PendingSsoLogins pending;

	private final PublicUrls urls;

	private final Mailer mailer;

	private final GatehouseSettings settings;

	private final ApplicationEventPublisher events;

	private final IpThrottle ips;

	private final Deliveries deliveries;

	MagicLinkSignIn(WorkOs workos, PendingSsoLogins pending, PublicUrls urls, Mailer mailer,
			GatehouseSettings settings, ApplicationEventPublisher events, IpThrottle ips, Deliveries deliveries) {
		this.deliveries = deliveries;
		this.ips = ips;
		this.workos = workos;
		this.pending = pending;
		this.urls = urls;
		this.mailer = mailer;
		this.settings = settings;
		this.events = events;
	}

	/**
	 * Answers in the same time for everyone: the IP limit is checked and a state remembered in this session for
	 * every address, and only the WorkOS calls (and the e-mail) for a person who may sign in this way happen, in the
	 * background.
	 */
	@Override
	public void send(HttpServletRequest request, @Nullable Long userId, String email, String next) {
		if (!ips.allow(IpThrottle.Bucket.CODE_SEND, request.getRemoteAddr())) {
			// Senders over the limit get the same "check your email" page, and nothing is sent.
			return;
		}
		String state = PendingSsoLogins.newState();
		pending.remember(request.getSession(), state, new PendingSsoLogins.Pending("", TARGET, next, email));
		if (userId == null) {
			// Unknown people: the state is never used, and no session is created at WorkOS.
			return;
		}
		String callback = urls.absolute(CALLBACK_PATH);
		deliveries.submit("magic_link", userId, email, () -> deliver(userId, email, callback, state));
	}

	/** @throws WorkOsException or {@link io.gatehouse.mail.MailUnavailable}: the delivery is retried, then audited */
	private void deliver(long userId, String email, String callback, String state) {
		MagicLink link = workos.createMagicLink(email, callback, state);
		String sender = settings.login().magicLinkSender();
		if ("app".equals(sender)) {
			mailer.send(email, "Your Gatehouse sign-in link", """
					Open this link to sign in to Gatehouse:
					%s

					It works once, for 10 minutes, in the browser where you asked for it.
					If you did not ask for it, ignore this message.""".formatted(link.link()));
		}
		else {
			workos.sendMagicLink(link.sessionId());
		}
		events.publishEvent(new MagicLinkRequested(userId, email, sender));
	}

}
