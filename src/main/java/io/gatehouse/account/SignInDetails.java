package io.gatehouse.account;

import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.jspecify.annotations.Nullable;

/**
 * How a session was signed in, kept in the session's attributes so the person can recognise it on their account
 * page and {@link SessionLifetime} can end it in time. Stored as plain strings, an instant and a boolean (not as this
 * record), so sessions survive upgrades of this class.
 *
 * @param ip the address the sign-in came from ({@code request.getRemoteAddr()}: the client, or with forwarded
 * headers enabled, what a trusted proxy says)
 * @param device a short description from the User-Agent, e.g. "Chrome on Linux"
 * @param signedInAt when the sign-in completed
 * @param method how, e.g. {@code password}, {@code sso}, {@code password+mfa}
 * @param secondFactor whether a second factor was passed
 */
public record SignInDetails(String ip, String device, Instant signedInAt, String method, boolean secondFactor) {

	private static final String PREFIX = SignInDetails.class.getName() + ".";

	static final String IP = PREFIX + "ip";

	static final String DEVICE = PREFIX + "device";

	static final String SIGNED_IN_AT = PREFIX + "signedInAt";

	static final String METHOD = PREFIX + "method";

	static final String SECOND_FACTOR = PREFIX + "secondFactor";

	/** The details of a sign-in completing on this request. */
	public static SignInDetails of(HttpServletRequest request, String method, boolean secondFactor, Instant now) {
		return new SignInDetails(request.getRemoteAddr(), DeviceNames.describe(request.getHeader("User-Agent")), now,
				method, secondFactor);
	}

	public void storeIn(HttpSession session) {
		session.setAttribute(IP, ip);
		session.setAttribute(DEVICE, device);
		session.setAttribute(SIGNED_IN_AT, signedInAt);
		session.setAttribute(METHOD, method);
		session.setAttribute(SECOND_FACTOR, secondFactor);
	}

	/**
	 * Reads the details back from a session's attributes ({@code session::getAttribute} of an {@link HttpSession} or a
	 * Spring Session); empty for sessions that were not signed in by {@code SignIns}.
	 */
	static Optional<SignInDetails> readFrom(Function<String, @Nullable Object> attributes) {
		if (!(attributes.apply(SIGNED_IN_AT) instanceof Instant signedInAt)) {
			return Optional.empty();
		}
		return Optional.of(new SignInDetails(text(attributes.apply(IP), "unknown"),
				text(attributes.apply(DEVICE), DeviceNames.UNKNOWN), signedInAt, text(attributes.apply(METHOD), "unknown"),
				Boolean.TRUE.equals(attributes.apply(SECOND_FACTOR))));
	}

	private static String text(@Nullable Object value, String fallback) {
		return value instanceof String text ? text : fallback;
	}

}
