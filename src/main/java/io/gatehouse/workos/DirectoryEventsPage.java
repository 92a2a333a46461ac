package io.gatehouse.workos;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One page of the Events API, oldest first.
 *
 * @param after the cursor after the last event of this page; null when there is nothing after it yet
 */
public record DirectoryEventsPage(List<DirectoryEvent> events, @Nullable String after) {
}
