package io.gatehouse.audit;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One page of the audit log, newest first.
 *
 * @param olderThan the cursor of the next (older) page, or null on the last page
 */
public record AuditPage(List<AuditEntry> entries, @Nullable Long olderThan) {
}
