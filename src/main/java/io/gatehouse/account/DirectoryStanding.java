package io.gatehouse.account;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import io.gatehouse.account.internal.UserAccount;
import io.gatehouse.account.internal.UserRepository;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a customer's directory says about an account: whether the person may still sign in, and their groups. A
 * directory user that is no longer active deactivates the account it is linked to and ends all of its sessions;
 * becoming active again restores an account that the directory (and nobody else) had deactivated.
 */
@Service
public class DirectoryStanding {

	/** What applying the directory's word changed. */
	public enum Change {

		NONE, DEACTIVATED, REACTIVATED

	}

	private final UserRepository users;

	private final UserSessions sessions;

	DirectoryStanding(UserRepository users, UserSessions sessions) {
		this.users = users;
		this.sessions = sessions;
	}

	/**
	 * The account a directory user belongs to: the one with the same email in the same organisation.
	 */
	@Transactional(readOnly = true)
	public Optional<Long> findMember(@Nullable String email, @Nullable String organizationWorkosId) {
		if (email == null || organizationWorkosId == null) {
			return Optional.empty();
		}
		return users.findIdByEmailAndOrganization(UserAccount.normalize(email), organizationWorkosId);
	}

	/** Which of these emails (any case) belong to an account, lower-cased: one query for a page of a sync. */
	@Transactional(readOnly = true)
	public Set<String> existingEmails(Collection<@Nullable String> emails) {
		List<String> normalized = emails.stream().filter(Objects::nonNull).map(UserAccount::normalize).toList();
		return normalized.isEmpty() ? Set.of() : new HashSet<>(users.findExistingEmails(normalized));
	}

	/**
	 * Applies the directory's state and groups to an account.
	 * @param active whether the directory user is active (not suspended, inactive or deleted)
	 */
	@Transactional
	public Change apply(long userId, boolean active, Collection<String> directoryGroups,
			Collection<String> mappedGroups) {
		UserAccount user = users.findById(userId).orElse(null);
		if (user == null) {
			return Change.NONE;
		}
		user.directoryGroups(directoryGroups, mappedGroups);
		if (!active && user.isActive()) {
			user.setActive(false);
			user.setDeactivatedByDirectory(true);
			sessions.endAll(userId);
			return Change.DEACTIVATED;
		}
		if (!active) {
			// Already inactive: still make sure no session outlived an earlier deactivation.
			sessions.endAll(userId);
		}
		if (active && !user.isActive() && user.isDeactivatedByDirectory()) {
			user.setActive(true);
			user.setDeactivatedByDirectory(false);
			return Change.REACTIVATED;
		}
		return Change.NONE;
	}

}
