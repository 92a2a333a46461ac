package io.gatehouse.workos;

import org.jspecify.annotations.Nullable;

/**
 * What to ask WorkOS for when sending a person to sign in. Exactly one of {@code connectionId}, {@code organizationId}
 * or {@code provider} says where they go.
 *
 * @param redirectUri where WorkOS sends the person back with {@code code} and {@code state}
 * @param state an opaque value WorkOS echoes back
 * @param connectionId a WorkOS connection ({@code conn_…})
 * @param organizationId a WorkOS organisation ({@code org_…}); WorkOS picks its connection
 * @param provider an OAuth provider such as {@code GoogleOAuth}
 * @param loginHint the email the person typed, so the IdP can prefill it
 * @param domainHint a domain hint for IdPs that route by domain
 */
public record SsoAuthorization(String redirectUri, String state, @Nullable String connectionId,
		@Nullable String organizationId, @Nullable String provider, @Nullable String loginHint,
		@Nullable String domainHint) {

	public SsoAuthorization {
		int targets = (connectionId != null ? 1 : 0) + (organizationId != null ? 1 : 0) + (provider != null ? 1 : 0);
		if (targets != 1) {
			throw new IllegalArgumentException("exactly one of connection, organization or provider is needed");
		}
	}

	public static SsoAuthorization toOrganization(String redirectUri, String state, String organizationId,
			@Nullable String loginHint) {
		return new SsoAuthorization(redirectUri, state, null, organizationId, null, loginHint, null);
	}

}
