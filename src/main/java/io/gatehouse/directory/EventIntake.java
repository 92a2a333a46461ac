package io.gatehouse.directory;

import java.time.OffsetDateTime;

import io.gatehouse.workos.DirectoryEvent;
import io.gatehouse.workos.DirectoryPerson;
import io.gatehouse.workos.DirectoryTeam;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies Directory Sync events to the mirror, each event id once, whichever way it arrives (webhook or Events API)
 * and in whatever order: the event is recorded and applied in one transaction, and a change older than what the
 * mirror holds is recorded as stale and changes nothing.
 */
@Component
class EventIntake {

	/** What became of an event. */
	enum Outcome {

		/** It changed the mirror. */
		APPLIED,
		/** The mirror already held something newer. */
		STALE,
		/** An event the mirror does not follow; acknowledged and logged. */
		IGNORED,
		/** Already received. */
		DUPLICATE

	}

	private static final Logger log = LoggerFactory.getLogger(EventIntake.class);

	private final DirectoryMirror mirror;

	private final Lifecycle lifecycle;

	private final JdbcClient jdbc;

	private final MeterRegistry meters;

	EventIntake(DirectoryMirror mirror, Lifecycle lifecycle, JdbcClient jdbc, MeterRegistry meters) {
		this.meters = meters;
		this.mirror = mirror;
		this.lifecycle = lifecycle;
		this.jdbc = jdbc;
	}

	/**
	 * @param source {@code webhook} or {@code events}
	 */
	@Transactional
	Outcome apply(DirectoryEvent event, String source) {
		String subject = event.user() != null ? event.user().id() : event.group() != null ? event.group().id() : null;
		int recorded = jdbc.sql("""
				insert into directory_events (id, name, directory_id, subject_id, summary, occurred_at, received_at, source, outcome)
				values (?, ?, ?, ?, ?, ?, ?, ?, 'applied') on conflict do nothing""")
			.params(event.id(), truncate(event.name(), 80), event.directoryId(), subject, summary(event),
					event.createdAt(), mirror.now(), source)
			.update();
		if (recorded == 0) {
			count(source, Outcome.DUPLICATE);
			return Outcome.DUPLICATE;
		}
		Outcome outcome = change(event);
		if (outcome != Outcome.APPLIED) {
			jdbc.sql("update directory_events set outcome = ? where id = ?")
				.params(outcome.name().toLowerCase(java.util.Locale.ROOT), event.id())
				.update();
		}
		count(source, outcome);
		if (outcome == Outcome.IGNORED) {
			log.info("Acknowledged WorkOS event {} ({}), which the directory mirror does not follow", event.id(),
					event.name());
		}
		return outcome;
	}

	/** {@code gatehouse.directory.events}: events received, by way ({@code webhook}, {@code events}) and outcome. */
	private void count(String source, Outcome outcome) {
		meters.counter("gatehouse.directory.events", "source", source, "outcome",
				outcome.name().toLowerCase(java.util.Locale.ROOT)).increment();
	}

	private Outcome change(DirectoryEvent event) {
		DirectoryPerson user = event.user();
		DirectoryTeam group = event.group();
		String directoryId = event.directoryId();
		if (event.kind() == DirectoryEvent.Kind.OTHER || directoryId == null) {
			return Outcome.IGNORED;
		}
		mirror.ensureDirectory(directoryId, user != null ? user.organizationId() : null);
		switch (event.kind()) {
			case USER_CREATED, USER_UPDATED, USER_DELETED -> {
				boolean deleted = event.kind() == DirectoryEvent.Kind.USER_DELETED;
				if (user == null || !mirror.writeUser(user, deleted, version(user.updatedAt(), event, deleted))) {
					return Outcome.STALE;
				}
				lifecycle.follow(user.id());
				return Outcome.APPLIED;
			}
			case GROUP_CREATED, GROUP_UPDATED, GROUP_DELETED -> {
				boolean deleted = event.kind() == DirectoryEvent.Kind.GROUP_DELETED;
				if (group == null || !mirror.writeGroup(group, deleted, version(group.updatedAt(), event, deleted))) {
					return Outcome.STALE;
				}
				// Only accounts care about a group's name or existence; the dashboard reads names when it shows them.
				mirror.linkedMemberIds(group.id()).forEach(lifecycle::follow);
				return Outcome.APPLIED;
			}
			case MEMBER_ADDED, MEMBER_REMOVED -> {
				if (user == null || group == null) {
					return Outcome.IGNORED;
				}
				mirror.writeUser(user, false, user.updatedAt());
				mirror.writeGroup(group, false, group.updatedAt());
				boolean added = event.kind() == DirectoryEvent.Kind.MEMBER_ADDED;
				if (!mirror.writeMembership(user.id(), group.id(), added, event.createdAt())) {
					return Outcome.STALE;
				}
				lifecycle.follow(user.id());
				return Outcome.APPLIED;
			}
			default -> {
				return Outcome.IGNORED;
			}
		}
	}

	/** A deletion counts from the later of the object's last change and the event itself. */
	private static OffsetDateTime version(OffsetDateTime updatedAt, DirectoryEvent event, boolean deleted) {
		return deleted && event.createdAt().isAfter(updatedAt) ? event.createdAt() : updatedAt;
	}

	private static String summary(DirectoryEvent event) {
		DirectoryPerson user = event.user();
		DirectoryTeam group = event.group();
		String who = user == null ? null : (user.email() != null ? user.email() : user.idpId()) + " (" + user.state() + ")";
		String text = switch (event.kind()) {
			case USER_CREATED -> "Added " + who;
			case USER_UPDATED -> "Updated " + who;
			case USER_DELETED -> "Deleted " + who;
			case GROUP_CREATED -> "Added group " + (group != null ? group.name() : "?");
			case GROUP_UPDATED -> "Updated group " + (group != null ? group.name() : "?");
			case GROUP_DELETED -> "Deleted group " + (group != null ? group.name() : "?");
			case MEMBER_ADDED -> who + " joined " + (group != null ? group.name() : "?");
			case MEMBER_REMOVED -> who + " left " + (group != null ? group.name() : "?");
			default -> "Not followed: " + event.name();
		};
		return truncate(text, 500);
	}

	private static String truncate(@Nullable String value, int max) {
		return value == null ? "" : value.length() <= max ? value : value.substring(0, max);
	}

}
