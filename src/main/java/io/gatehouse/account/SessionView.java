package io.gatehouse.account;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One of a person's sessions as their account page (or an administrator) sees it. The session id itself never
 * leaves the server: {@code handle} is a one-way hash of it, enough to name the session in an "End" form.
 *
 * @param handle opaque name of the session for forms
 * @param device e.g. "Chrome on Linux"
 * @param ip where the sign-in came from
 * @param signedInAt when the session was signed in
 * @param lastSeenAt the session's last request
 * @param method how it was signed in ({@code password}, {@code sso}, {@code password+mfa}, ...)
 * @param secondFactor whether a second factor was passed
 * @param endsAt when its absolute lifetime ends, if it has one
 * @param current whether it is the session looking at the page
 */
public record SessionView(String handle, String device, String ip, Instant signedInAt, Instant lastSeenAt,
		String method, boolean secondFactor, @Nullable Instant endsAt, boolean current) {

	/** The method in words: "Password", "Single sign-on", ... */
	public String methodLabel() {
		String base = method.endsWith("+mfa") ? method.substring(0, method.length() - 4) : method;
		switch (base) {
			case "password":
				return "Password";
			case "sso":
				return "Single sign-on";
			case "magic_link":
				return "Magic link";
			case "oidc":
				return "OpenID Connect";
			default:
				return base;
		}
	}

}
