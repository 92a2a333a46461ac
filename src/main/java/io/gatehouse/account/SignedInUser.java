package io.gatehouse.account;

import java.io.Serializable;
import java.util.List;

import org.springframework.security.core.AuthenticatedPrincipal;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * The principal of a signed-in session. Its name is the user id, so sessions can be found (and ended) per user even
 * if the email changes.
 *
 * @param securityStamp the account's security stamp when this was read: a session whose principal's stamp is no longer
 * the account's reloads it (see {@code SecurityStampFilter}); 0 means unknown, and always reloads
 */
public record SignedInUser(long userId, String email, String displayName, boolean admin, long securityStamp)
		implements AuthenticatedPrincipal, Serializable {

	@Override
	public String getName() {
		return Long.toString(userId);
	}

	/** What a session signed in as this person may do: {@code ROLE_USER}, and {@code ROLE_ADMIN} for administrators. */
	public List<GrantedAuthority> authorities() {
		return admin ? List.of(new SimpleGrantedAuthority("ROLE_USER"), new SimpleGrantedAuthority("ROLE_ADMIN"))
				: List.of(new SimpleGrantedAuthority("ROLE_USER"));
	}

}
