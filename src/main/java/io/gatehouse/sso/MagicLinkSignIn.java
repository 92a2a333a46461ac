package io.gatehouse.sso;

import io.gatehouse.login.MagicLinkLauncher;
import io.gatehouse.login.SsoTarget;
import io.gatehouse.mail.MailUnavailable;
import io.gatehouse.mail.Mailer;
import io.gatehouse.settings.GatehouseSettings;
import io.gatehouse.settings.PublicUrls;
import io.gatehouse.workos.MagicLink;
import io.gatehouse.workos.WorkOs;
import io.gatehouse.workos.WorkOsException;
import io.gatehouse.throttle.IpThrottle;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Starts a magic-link sign-in: a WorkOS passwordless session whose link comes back with an opaque, single-use state
 * bound to this browser session. WorkOS or Gatehouse e-mails the link, as configured; the link is never logged or shown.
 */
@Component
class MagicLinkSignIn implements MagicLinkLauncher {

	static final String CALLBACK_PATH = "/accounts/callback/magic";

	static final SsoTarget TARGET = new SsoTarget(null, null, "MagicLink");

	private static final Logger LOG = LoggerFactory.getLogger(MagicLinkSignIn.class);

	private final WorkOs workos;

	private final PendingSsoLogins pending;

	private final PublicUrls urls;

	private final Mailer mailer;

	private final GatehouseSettings settings;

	private final ApplicationEventPublisher events;

	private final IpThrottle ips;

	MagicLinkSignIn(WorkOs workos, PendingSsoLogins pending, PublicUrls urls, Mailer mailer,
			GatehouseSettings settings, ApplicationEventPublisher events, IpThrottle ips) {
		this.ips = ips;
		this.workos = workos;
		this.pending = pending;
		this.urls = urls;
		this.mailer = mailer;
		this.settings = settings;
		this.events = events;
	}

	@Override
	public void send(HttpServletRequest request, @Nullable Long userId, String email, String next) {
		if (userId == null || !ips.allow(IpThrottle.Bucket.CODE_SEND, request.getRemoteAddr())) {
			// Unknown people and senders over the limit get the same "check your email" page, and nothing is sent.
			return;
		}
		String state = PendingSsoLogins.newState();
		try {
			MagicLink link = workos.createMagicLink(email, urls.absolute(CALLBACK_PATH), state);
			pending.remember(request.getSession(), state, new PendingSsoLogins.Pending("", TARGET, next, email));
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
		catch (WorkOsException | MailUnavailable e) {
			// The page answers the same either way; the failure is logged without the link.
			LOG.warn("Magic link for user {} not sent: {}", userId, e.getMessage());
		}
	}

}
