package io.gatehouse.account;

/**
 * An external identity was verified, but it may not sign in here. The {@link #reason()} is safe to show as a
 * message code; the exception message is for logs.
 */
public class SignInRefused extends RuntimeException {

	public enum Reason {
		/** The account exists but is deactivated; it behaves as if it did not exist. */
		ACCOUNT_INACTIVE,
		/** The provider's organisation is not one Gatehouse knows. */
		UNKNOWN_ORGANIZATION,
		/** The provider vouched for an email outside its organisation's domains. */
		EMAIL_OUTSIDE_ORGANIZATION,
		/** No account, and the applicable rule does not create one. */
		NO_ACCOUNT,
		/** The rule requires an existing organisation ({@code !organization}) and there is none. */
		ORGANIZATION_REQUIRED
	}

	private final Reason reason;

	public SignInRefused(Reason reason, String message) {
		super(message);
		this.reason = reason;
	}

	public Reason reason() {
		return reason;
	}

}
