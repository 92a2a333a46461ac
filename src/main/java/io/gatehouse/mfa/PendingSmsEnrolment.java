package io.gatehouse.mfa;

import java.io.Serializable;

/** An SMS factor created at WorkOS, waiting for the texted code. Kept in the session only. */
record PendingSmsEnrolment(long userId, String workosFactorId, String phoneNumber, String challengeId)
		implements Serializable {

	static final String ATTRIBUTE = PendingSmsEnrolment.class.getName();

}
