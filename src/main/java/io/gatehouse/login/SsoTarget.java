package io.gatehouse.login;

import org.jspecify.annotations.Nullable;

/**
 * Where a rule sends a person to sign in through WorkOS: a connection, an organisation, or an OAuth provider (exactly
 * one).
 */
public record SsoTarget(@Nullable String connectionId, @Nullable String organizationId, @Nullable String provider) {

	public SsoTarget {
		int given = (connectionId != null ? 1 : 0) + (organizationId != null ? 1 : 0) + (provider != null ? 1 : 0);
		if (given != 1) {
			throw new IllegalArgumentException("exactly one of connection, organization or provider");
		}
	}

	/** A compact form to store with a pending sign-in: {@code conn:…}, {@code org:…} or {@code provider:…}. */
	public String key() {
		return connectionId != null ? "conn:" + connectionId
				: organizationId != null ? "org:" + organizationId : "provider:" + provider;
	}

	public static SsoTarget fromKey(String key) {
		int colon = key.indexOf(':');
		String kind = key.substring(0, colon);
		String value = key.substring(colon + 1);
		return switch (kind) {
			case "conn" -> new SsoTarget(value, null, null);
			case "org" -> new SsoTarget(null, value, null);
			default -> new SsoTarget(null, null, value);
		};
	}

	/** Does a profile from this connection, organisation and connection type come from this target? */
	public boolean matches(String profileConnectionId, @Nullable String profileOrganizationId, String connectionType) {
		return connectionId != null ? connectionId.equals(profileConnectionId)
				: organizationId != null ? organizationId.equals(profileOrganizationId)
						: provider.equals(connectionType);
	}

}
