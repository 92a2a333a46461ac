package io.gatehouse.directory;

import org.jspecify.annotations.Nullable;

/** An account the directory had deactivated is active again, because its directory user is. */
public record DirectoryUserReactivated(long userId, @Nullable String email, String directoryUserId) {
}
