package io.gatehouse.account;

import java.io.Serializable;

import org.springframework.security.core.AuthenticatedPrincipal;

/**
 * The principal of a signed-in session. Its name is the user id, so sessions can be found (and ended) per user even
 * if the email changes.
 */
public record SignedInUser(long userId, String email, String displayName, boolean admin)
		implements AuthenticatedPrincipal, Serializable {

	@Override
	public String getName() {
		return Long.toString(userId);
	}

}
