package io.gatehouse.directory;

import org.jspecify.annotations.Nullable;

/**
 * An account was deactivated, and its sessions ended, because its directory user is no longer active.
 *
 * @param state the directory user's state: {@code inactive}, {@code suspended} or {@code deleted}
 */
public record DirectoryUserDeactivated(long userId, @Nullable String email, String directoryUserId, String state) {
}
