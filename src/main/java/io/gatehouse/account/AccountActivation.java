package io.gatehouse.account;

import io.gatehouse.account.internal.UserAccount;
import io.gatehouse.account.internal.UserRepository;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Administrators deactivating and reactivating accounts. A deactivated account signs in nowhere (it counts as unknown)
 * and all of its sessions end at once. An account an administrator deactivated stays so whatever its directory says
 * later: only an administrator reactivates it (the directory restores only what the directory deactivated, see
 * {@link DirectoryStanding}).
 */
@Service
public class AccountActivation {

	/** What a request changed. */
	public enum Outcome {

		DEACTIVATED, REACTIVATED,
		/** Nothing to do: already as asked. */
		UNCHANGED,
		/** An administrator cannot deactivate the account they are using. */
		REFUSED_OWN_ACCOUNT,
		NOT_FOUND

	}

	private final UserRepository users;

	private final UserSessions sessions;

	private final ApplicationEventPublisher events;

	AccountActivation(UserRepository users, UserSessions sessions, ApplicationEventPublisher events) {
		this.users = users;
		this.sessions = sessions;
		this.events = events;
	}

	/**
	 * Deactivates an account and ends all of its sessions. An account the directory deactivated becomes one the
	 * administrator deactivated, so the directory no longer restores it.
	 */
	@Transactional
	public Outcome deactivate(long userId, SignedInUser actor) {
		if (actor.userId() == userId) {
			return Outcome.REFUSED_OWN_ACCOUNT;
		}
		UserAccount user = users.findById(userId).orElse(null);
		if (user == null) {
			return Outcome.NOT_FOUND;
		}
		if (!user.isActive() && !user.isDeactivatedByDirectory()) {
			return Outcome.UNCHANGED;
		}
		user.setActive(false);
		user.setDeactivatedByDirectory(false);
		int ended = sessions.endAll(userId);
		events.publishEvent(new AccountDeactivated(userId, user.getEmail(), actor.email(), ended));
		return Outcome.DEACTIVATED;
	}

	/** Makes an inactive account usable again, whoever deactivated it. */
	@Transactional
	public Outcome reactivate(long userId, SignedInUser actor) {
		UserAccount user = users.findById(userId).orElse(null);
		if (user == null) {
			return Outcome.NOT_FOUND;
		}
		if (user.isActive()) {
			return Outcome.UNCHANGED;
		}
		user.setActive(true);
		user.setDeactivatedByDirectory(false);
		events.publishEvent(new AccountReactivated(userId, user.getEmail(), actor.email()));
		return Outcome.REACTIVATED;
	}

	/** Whether the account is inactive because its directory user is (rather than by an administrator's decision). */
	@Transactional(readOnly = true)
	public boolean deactivatedByDirectory(long userId) {
		return users.findById(userId).map(u -> !u.isActive() && u.isDeactivatedByDirectory()).orElse(false);
	}

}
