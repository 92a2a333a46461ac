package io.gatehouse.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.springframework.stereotype.Service;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * When the person using a session last proved who they are, and whether that was recent enough for a sensitive change
 * (adding or removing a factor, new recovery codes, a new password). A sign-in proves it, and so does the step-up page
 * ({@value #STEP_UP_PATH}: the password or a current code) and a password change, which asks for the current password.
 * The time is kept in the server-side session with the user id it was proved for, as plain values (an instant, a long,
 * a string), measured with the app's {@link Clock}.
 * <p>
 * This is the one place that decides "recent": controllers mark their sensitive handlers with
 * {@link RecentAuthenticationRequired}, or ask {@link #isRecent} themselves where a form can carry its own proof.
 * Other features can ask {@link #within} with an age of their own, or read {@link #lastAuthenticatedAt} (e.g. for an
 * {@code auth_time} or {@code max_age}).
 */
@Service
public class RecentAuthentication {

	/** How long a proof counts as recent. */
	public static final Duration WINDOW = Duration.ofMinutes(5);

	/** The page that asks for a fresh proof, with {@code next=} a same-origin path to return to. */
	public static final String STEP_UP_PATH = "/account/confirm";

	private static final String PREFIX = RecentAuthentication.class.getName() + ".";

	static final String AT = PREFIX + "at";

	static final String USER = PREFIX + "user";

	static final String METHOD = PREFIX + "method";

	private final Clock clock;

	RecentAuthentication(Optional<Clock> clock) {
		this.clock = clock.orElse(Clock.systemUTC());
	}

	/**
	 * Records that the person just proved who they are on this request's session ({@code method} as the audit log
	 * names it, e.g. {@code password}, {@code totp}, {@code sso}).
	 */
	public void record(HttpServletRequest request, long userId, String method) {
		HttpSession session = request.getSession();
		session.setAttribute(AT, clock.instant());
		session.setAttribute(USER, userId);
		session.setAttribute(METHOD, method);
	}

	/** When this session last proved it is {@code userId}; empty if it never did (or did as someone else). */
	public Optional<Instant> lastAuthenticatedAt(HttpServletRequest request, long userId) {
		HttpSession session = request.getSession(false);
		if (session == null || !(session.getAttribute(AT) instanceof Instant at)
				|| !(session.getAttribute(USER) instanceof Long user) || user != userId) {
			return Optional.empty();
		}
		return Optional.of(at);
	}

	/** Whether this session proved it is {@code userId} within the last {@link #WINDOW}. */
	public boolean isRecent(HttpServletRequest request, long userId) {
		return within(request, userId, WINDOW);
	}

	/** Whether this session proved it is {@code userId} within {@code maxAge}. */
	public boolean within(HttpServletRequest request, long userId, Duration maxAge) {
		Instant now = clock.instant();
		return lastAuthenticatedAt(request, userId).map(at -> !at.plus(maxAge).isBefore(now)).orElse(false);
	}

	/** The step-up page, coming back to {@code next} (a same-origin path; the page checks it again). */
	public static String stepUpUrl(String next) {
		return UriComponentsBuilder.fromPath(STEP_UP_PATH)
			.queryParam("next", "{next}")
			.encode()
			.buildAndExpand(next)
			.toUriString();
	}

}
