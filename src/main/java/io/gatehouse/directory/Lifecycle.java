package io.gatehouse.directory;

import java.util.Optional;

import io.gatehouse.account.DirectoryStanding;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Makes accounts follow their directory users: links a directory user to the account with the same email in the same
 * organisation, and hands that account the directory's state (deactivating it and ending its sessions, or restoring
 * it) and groups.
 */
@Component
class Lifecycle {

	private final DirectoryMirror mirror;

	private final DirectoryStanding standing;

	private final ApplicationEventPublisher events;

	Lifecycle(DirectoryMirror mirror, DirectoryStanding standing, ApplicationEventPublisher events) {
		this.mirror = mirror;
		this.standing = standing;
		this.events = events;
	}

	/** Applies what the mirror now says about one directory user to their account, if they have one. */
	void follow(String directoryUserId) {
		DirectoryMirror.Member member = mirror.member(directoryUserId).orElse(null);
		if (member == null) {
			return;
		}
		Long appUserId = member.appUserId();
		if (appUserId == null) {
			Optional<Long> found = standing.findMember(member.email(), member.organizationId());
			if (found.isEmpty()) {
				return;
			}
			appUserId = found.get();
			mirror.link(directoryUserId, appUserId);
		}
		DirectoryStanding.Change change = standing.apply(appUserId, member.active(), mirror.groupNames(directoryUserId),
				mirror.mappedGroups(directoryUserId));
		String state = member.deleted() ? "deleted" : member.state();
		if (change == DirectoryStanding.Change.DEACTIVATED) {
			events.publishEvent(new DirectoryUserDeactivated(appUserId, member.email(), directoryUserId, state));
		}
		else if (change == DirectoryStanding.Change.REACTIVATED) {
			events.publishEvent(new DirectoryUserReactivated(appUserId, member.email(), directoryUserId));
		}
	}

}
