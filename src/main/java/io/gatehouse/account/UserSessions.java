package io.gatehouse.account;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import io.gatehouse.secrets.Secrets;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Service;

/**
 * A person's sessions, found through Spring Session's index by principal name (the user id, see
 * {@link SignedInUser}): listing them, ending one, all others, or all of them (signing the person out on every device
 * and every instance at once).
 * <p>
 * The session a request is using is never deleted from here ({@code currentSessionId} is skipped): the request would
 * still write to it afterwards. To end it, invalidate it ({@code HttpSession#invalidate}) or sign out.
 */
@Service
public class UserSessions {

	private final FindByIndexNameSessionRepository<? extends Session> sessions;

	private final SessionLifetime lifetime;

	private final ApplicationEventPublisher events;

	UserSessions(FindByIndexNameSessionRepository<? extends Session> sessions, SessionLifetime lifetime,
			ApplicationEventPublisher events) {
		this.sessions = sessions;
		this.lifetime = lifetime;
		this.events = events;
	}

	/** The user's live sessions, newest sign-in first; {@code currentSessionId} is marked as the current one. */
	public List<SessionView> list(long userId, @Nullable String currentSessionId) {
		return find(userId).entrySet()
			.stream()
			.map(entry -> view(entry.getKey(), entry.getValue(), currentSessionId))
			.flatMap(Optional::stream)
			.sorted(Comparator.comparing(SessionView::signedInAt).reversed())
			.toList();
	}

	/**
	 * Ends the user's session named by {@code handle}, unless it is the current one. A handle of nobody's session, or of
	 * someone else's, ends nothing.
	 * @return whether a session ended
	 */
	public boolean end(long userId, String email, @Nullable String currentSessionId, String handle) {
		for (String id : find(userId).keySet()) {
			if (Secrets.constantTimeEquals(handle(id), handle) && !id.equals(currentSessionId)) {
				sessions.deleteById(id);
				events.publishEvent(new SessionsEnded(userId, email, email, 1, "one"));
				return true;
			}
		}
		return false;
	}

	/** Ends every session of the user except the current one; returns how many ended. */
	public int endOthers(long userId, String email, @Nullable String currentSessionId) {
		int ended = deleteAllBut(userId, currentSessionId);
		if (ended > 0) {
			events.publishEvent(new SessionsEnded(userId, email, email, ended, "others"));
		}
		return ended;
	}

	/**
	 * An administrator signs a person out everywhere. If the administrator is that person, the session they are using
	 * ({@code actorSessionId}) stays.
	 * @return how many sessions ended
	 */
	public int signOutEverywhere(long userId, String email, String actor, @Nullable String actorSessionId) {
		int ended = deleteAllBut(userId, actorSessionId);
		events.publishEvent(new SessionsEnded(userId, email, actor, ended, "everywhere"));
		return ended;
	}

	/** Ends every session of the user (deprovisioning); returns how many there were. */
	public int endAll(long userId) {
		return deleteAllBut(userId, null);
	}

	/**
	 * Ends every session of the user but {@code keptSessionId} (a credential change: the caller records it in its own
	 * event); returns how many ended.
	 */
	public int endAllExcept(long userId, @Nullable String keptSessionId) {
		return deleteAllBut(userId, keptSessionId);
	}

	private int deleteAllBut(long userId, @Nullable String keptSessionId) {
		int ended = 0;
		for (String id : find(userId).keySet()) {
			if (!id.equals(keptSessionId)) {
				sessions.deleteById(id);
				ended++;
			}
		}
		return ended;
	}

	private Map<String, ? extends Session> find(long userId) {
		return sessions.findByPrincipalName(Long.toString(userId));
	}

	private Optional<SessionView> view(String id, Session session, @Nullable String currentSessionId) {
		if (session.isExpired()) {
			return Optional.empty();
		}
		Optional<SignInDetails> details = SignInDetails.readFrom(session::getAttribute);
		if (details.isPresent() && lifetime.outlived(details.get())) {
			return Optional.empty();
		}
		Instant signedInAt = details.map(SignInDetails::signedInAt).orElse(session.getCreationTime());
		return Optional.of(new SessionView(handle(id), details.map(SignInDetails::device).orElse(DeviceNames.UNKNOWN),
				details.map(SignInDetails::ip).orElse("unknown"), signedInAt, session.getLastAccessedTime(),
				details.map(SignInDetails::method).orElse("unknown"),
				details.map(SignInDetails::secondFactor).orElse(false), details.flatMap(lifetime::endsAt).orElse(null),
				Objects.equals(id, currentSessionId)));
	}

	/** A one-way name for a session id: pages and forms carry this, never the id (which is the cookie's value). */
	static String handle(String sessionId) {
		return Secrets.sha256Hex("gatehouse-session-handle:" + sessionId);
	}

}
