package io.gatehouse.account;

import java.util.Map;

import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Service;

/**
 * A person's sessions, found through Spring Session's index by principal name (the user id, see
 * {@link SignedInUser}): ending them signs the person out on every device and every instance at once.
 */
@Service
public class UserSessions {

	private final FindByIndexNameSessionRepository<? extends Session> sessions;

	UserSessions(FindByIndexNameSessionRepository<? extends Session> sessions) {
		this.sessions = sessions;
	}

	/** Ends every session of the user; returns how many there were. */
	public int endAll(long userId) {
		Map<String, ? extends Session> found = sessions.findByPrincipalName(Long.toString(userId));
		found.keySet().forEach(sessions::deleteById);
		return found.size();
	}

}
