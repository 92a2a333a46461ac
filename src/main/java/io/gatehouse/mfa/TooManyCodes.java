package io.gatehouse.mfa;

/** Too many codes were sent to this person recently; they must wait before asking for another. */
public class TooManyCodes extends RuntimeException {

	public TooManyCodes() {
		super("SMS send limit reached", null, false, false);
	}

}
