package io.gatehouse.workos;

import java.time.OffsetDateTime;

/**
 * A group of a customer's directory (WorkOS calls it a directory group).
 *
 * @param updatedAt when WorkOS last changed the group
 */
public record DirectoryTeam(String id, String directoryId, String idpId, String name, OffsetDateTime updatedAt) {
}
