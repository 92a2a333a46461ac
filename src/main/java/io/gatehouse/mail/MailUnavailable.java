package io.gatehouse.mail;

/** No mail server is configured, or it refused the message. */
public class MailUnavailable extends RuntimeException {

	public MailUnavailable(String message, Throwable cause) {
		super(message, cause);
	}

}
