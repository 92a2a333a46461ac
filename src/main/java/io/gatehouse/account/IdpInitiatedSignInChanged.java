package io.gatehouse.account;

/** An administrator allowed or stopped IdP-initiated sign-in for an organisation. */
public record IdpInitiatedSignInChanged(String organizationWorkosId, String organizationName, boolean allowed,
		String actor) {
}
