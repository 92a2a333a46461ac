package io.gatehouse.account;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A person an external provider vouched for, as the sign-in flow hands them over.
 *
 * @param source where the identity comes from: the WorkOS connection id for SSO
 * @param subject the provider's id for the person (WorkOS {@code idp_id})
 * @param connectionType e.g. {@code OktaSAML}
 * @param organizationWorkosId the WorkOS organisation the provider belongs to
 * @param rawAttributes what the provider asserted, kept for display and later attribute mapping
 */
public record ExternalIdentity(String source, String subject, String connectionType,
		@Nullable String organizationWorkosId, String email, @Nullable String firstName, @Nullable String lastName,
		Map<String, Object> rawAttributes) {
}
