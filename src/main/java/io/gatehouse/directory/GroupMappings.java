package io.gatehouse.directory;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which app group a directory group stands for: its members' accounts get that group (rules can use it like any app
 * group), and lose it when they leave the directory group or the mapping is removed.
 */
@Component
class GroupMappings {

	private final JdbcClient jdbc;

	private final DirectoryMirror mirror;

	private final Lifecycle lifecycle;

	private final ApplicationEventPublisher events;

	GroupMappings(JdbcClient jdbc, DirectoryMirror mirror, Lifecycle lifecycle, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.mirror = mirror;
		this.lifecycle = lifecycle;
		this.events = events;
	}

	/** The field error for an app group name, or null when it is fine (blank removes the mapping). */
	static @Nullable String validate(@Nullable String appGroup) {
		if (appGroup == null || appGroup.isBlank()) {
			return null;
		}
		String name = appGroup.trim();
		if (name.length() > 100) {
			return "At most 100 characters.";
		}
		if (!name.matches("[\\p{L}\\p{N} ._-]+")) {
			return "Use letters, digits, spaces, dots, dashes and underscores.";
		}
		return null;
	}

	/**
	 * Maps a directory group to an app group (or removes the mapping) and updates its members' accounts.
	 * @return how many members' accounts were updated
	 */
	@Transactional
	int map(String directoryGroupId, @Nullable String appGroup, String actor) {
		jdbc.sql("delete from directory_group_mappings where directory_group_id = ?").param(directoryGroupId).update();
		if (appGroup != null && !appGroup.isBlank()) {
			jdbc.sql("insert into directory_group_mappings (directory_group_id, app_group) values (?, ?)")
				.params(directoryGroupId, appGroup.trim())
				.update();
		}
		List<String> members = mirror.linkedMemberIds(directoryGroupId);
		members.forEach(lifecycle::follow);
		events.publishEvent(new GroupMappingChanged(directoryGroupId,
				appGroup == null || appGroup.isBlank() ? null : appGroup.trim(), actor));
		return members.size();
	}

}
