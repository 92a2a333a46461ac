package io.gatehouse.workos;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The person WorkOS signed in, as its profile describes them.
 *
 * @param id WorkOS's profile id ({@code prof_…})
 * @param idpId the person's id at their identity provider
 * @param connectionId the WorkOS connection they came through
 * @param connectionType e.g. {@code OktaSAML}, {@code GoogleOAuth}, {@code MagicLink}
 * @param organizationId the WorkOS organisation of the connection, if any
 * @param email the email the IdP asserted
 * @param rawAttributes the attributes exactly as the IdP sent them
 */
public record SsoProfile(String id, String idpId, String connectionId, String connectionType,
		@Nullable String organizationId, String email, @Nullable String firstName, @Nullable String lastName,
		List<String> groups, Map<String, Object> rawAttributes) {
}
