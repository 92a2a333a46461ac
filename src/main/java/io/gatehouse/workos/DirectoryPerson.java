package io.gatehouse.workos;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A user of a customer's directory, as WorkOS Directory Sync lists them.
 *
 * @param state {@code active}, {@code suspended} or {@code inactive}
 * @param groups the names of the directory groups the person is in
 */
public record DirectoryPerson(String id, String directoryId, String idpId, @Nullable String email,
		@Nullable String firstName, @Nullable String lastName, String state, List<String> groups,
		Map<String, Object> customAttributes) {
}
