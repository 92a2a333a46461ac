package io.gatehouse.throttle;

/**
 * A subject's secret reached the hard stop and cannot be tried any more until it is unlocked or reset. Published once
 * per lock, when the failure that reaches the stop is recorded (never for the refused attempts after it), in the
 * transaction that records it.
 *
 * @param secret which secret
 * @param subject whose: {@code user:<id>} for an account, {@code name:<typed name>} for a name nobody has (lower case)
 */
public record HardStopReached(AccountThrottle.Secret secret, String subject) {

	/** The account's id when the subject is an account. */
	public java.util.Optional<Long> userId() {
		if (!subject.startsWith(AccountThrottle.USER_PREFIX)) {
			return java.util.Optional.empty();
		}
		try {
			return java.util.Optional.of(Long.parseLong(subject.substring(AccountThrottle.USER_PREFIX.length())));
		}
		catch (NumberFormatException e) {
			return java.util.Optional.empty();
		}
	}

}
