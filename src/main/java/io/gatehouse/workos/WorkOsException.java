package io.gatehouse.workos;

import org.jspecify.annotations.Nullable;

/**
 * A WorkOS call failed. {@link #reason()} says how, in terms callers can act on; the message is for logs only and
 * must never be shown to a person (it may echo WorkOS's or an IdP's text).
 */
public class WorkOsException extends RuntimeException {

	/** How a WorkOS call failed. */
	public enum Reason {
		/** WorkOS refused the request as malformed or invalid, e.g. an expired or reused authorization code. */
		REJECTED,
		/** The API key or access token was refused. */
		UNAUTHORIZED,
		/** The object does not exist. */
		NOT_FOUND,
		/** WorkOS understood the request but declined it (422), e.g. an invalid phone number. */
		UNPROCESSABLE,
		/** Too many requests, even after the SDK's retries. */
		RATE_LIMITED,
		/** WorkOS answered with a server error, even after the SDK's retries. */
		SERVER_ERROR,
		/** WorkOS could not be reached (connection refused, timeout). */
		UNREACHABLE,
		/** WorkOS answered, but not with something the SDK could read (a missing required field, bad JSON). */
		MALFORMED_RESPONSE
	}

	private final Reason reason;

	private final @Nullable String code;

	private final @Nullable String requestId;

	public WorkOsException(Reason reason, @Nullable String code, @Nullable String requestId, String message,
			@Nullable Throwable cause) {
		super(message, cause);
		this.reason = reason;
		this.code = code;
		this.requestId = requestId;
	}

	public Reason reason() {
		return reason;
	}

	/** WorkOS's machine-readable error code, when it sent one (e.g. {@code invalid_phone_number}). */
	public @Nullable String code() {
		return code;
	}

	/** WorkOS's request id, for support tickets. */
	public @Nullable String requestId() {
		return requestId;
	}

}
