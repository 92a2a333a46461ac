package io.gatehouse.workos;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One page of a directory's users, oldest first.
 *
 * @param after the cursor of the next page, or null on the last one
 */
public record DirectoryUsersPage(List<DirectoryPerson> users, @Nullable String after) {
}
