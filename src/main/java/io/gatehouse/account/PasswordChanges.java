package io.gatehouse.account;

import java.util.Optional;

import io.gatehouse.throttle.AccountThrottle;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;
import org.springframework.stereotype.Service;

/**
 * A person changes their own password. The current password is checked (throttled like a sign-in) and counts as a
 * fresh proof of who they are. Then every other session of theirs ends, so whoever else holds one is out; the session
 * in use stays under a new id and CSRF token; {@link PasswordChanged} tells the rest (reset links stop working, the
 * person gets an e-mail, the audit log records it).
 */
@Service
public class PasswordChanges {

	private final Passwords passwords;

	private final AccountThrottle throttle;

	private final UserSessions sessions;

	private final RecentAuthentication recent;

	private final ApplicationEventPublisher events;

	private final NewPasswords newPasswords;

	private final CsrfTokenRepository csrfTokens = new HttpSessionCsrfTokenRepository();

	PasswordChanges(Passwords passwords, AccountThrottle throttle, UserSessions sessions, RecentAuthentication recent,
			ApplicationEventPublisher events, NewPasswords newPasswords) {
		this.newPasswords = newPasswords;
		this.passwords = passwords;
		this.throttle = throttle;
		this.sessions = sessions;
		this.recent = recent;
		this.events = events;
	}

	/** Why the person may not choose this password ({@link PasswordPolicy}, by their rule); empty when they may. */
	public Optional<PasswordPolicy.Refusal> refusal(long userId, String replacement) {
		return newPasswords.refusal(userId, replacement);
	}

	/** The shortest password the person may choose: 15 as their only factor, 8 with a second one. */
	public int minimumLength(long userId) {
		return newPasswords.minimumLength(userId);
	}

	/** @return false if the current password is wrong (or throttled): nothing changed */
	public boolean change(SignedInUser user, String current, String replacement, HttpServletRequest request,
			HttpServletResponse response) {
		if (!throttle.check(AccountThrottle.Secret.PASSWORD, "user:" + user.userId(),
				() -> passwords.change(user.userId(), current, replacement))) {
			return false;
		}
		HttpSession session = request.getSession(false);
		// Others first, while this session still has the id it is indexed under.
		int ended = sessions.endAllExcept(user.userId(), session != null ? session.getId() : null);
		if (session != null) {
			request.changeSessionId();
			csrfTokens.saveToken(null, request, response);
		}
		recent.record(request, user.userId(), "password");
		events.publishEvent(new PasswordChanged(user.userId(), user.email(), false, ended));
		return true;
	}

}
