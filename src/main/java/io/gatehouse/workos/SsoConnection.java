package io.gatehouse.workos;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A WorkOS SSO connection.
 *
 * @param type e.g. {@code OktaSAML}
 * @param active whether WorkOS will sign people in through it
 */
public record SsoConnection(String id, String name, String type, boolean active, @Nullable String organizationId,
		List<String> domains) {
}
