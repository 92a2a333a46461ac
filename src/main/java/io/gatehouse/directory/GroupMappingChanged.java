package io.gatehouse.directory;

import org.jspecify.annotations.Nullable;

/**
 * An admin mapped a directory group to an app group, or removed the mapping ({@code appGroup} null).
 *
 * @param actor the admin's email
 */
public record GroupMappingChanged(String directoryGroupId, @Nullable String appGroup, String actor) {
}
