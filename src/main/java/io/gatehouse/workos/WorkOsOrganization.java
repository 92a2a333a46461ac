package io.gatehouse.workos;

import java.util.List;

/**
 * A WorkOS organisation and its domains.
 */
public record WorkOsOrganization(String id, String name, List<String> domains) {
}
