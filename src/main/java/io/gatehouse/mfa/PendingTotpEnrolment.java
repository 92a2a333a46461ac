package io.gatehouse.mfa;

import java.io.Serializable;

/**
 * A TOTP factor created at WorkOS and shown to the person, waiting for a first code. Kept in the session so that
 * reloading the page shows the same secret instead of enrolling a second factor.
 */
record PendingTotpEnrolment(long userId, String workosFactorId, String secret, String qrCode, String uri)
		implements Serializable {

	static final String ATTRIBUTE = PendingTotpEnrolment.class.getName();

	@Override
	public String toString() {
		return "PendingTotpEnrolment[userId=" + userId + ", factor=" + workosFactorId + "]";
	}

}
