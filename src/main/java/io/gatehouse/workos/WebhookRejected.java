package io.gatehouse.workos;

/** A webhook delivery that is not taken: its signature does not hold, or (signed) its body is not an event. */
public class WebhookRejected extends RuntimeException {

	/** Why it was not taken. */
	public enum Reason {

		/** Missing or wrong signature, or a timestamp outside the tolerance: 401. */
		SIGNATURE,
		/** Signed, but not JSON or not a WorkOS event: 400. */
		MALFORMED

	}

	private final Reason reason;

	public WebhookRejected(Reason reason, String message) {
		super(message);
		this.reason = reason;
	}

	public Reason reason() {
		return reason;
	}

}
