package io.gatehouse.settings;

/**
 * Gatehouse refuses to start because of how it was configured or what its database holds. The message is one line
 * that says what is wrong and what to do; it is printed as such, without a stack trace.
 */
public class StartupRefused extends RuntimeException {

	public StartupRefused(String message) {
		super(message);
	}

}
