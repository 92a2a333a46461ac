package io.gatehouse.login;

import java.net.URI;

import org.jspecify.annotations.Nullable;

/**
 * The one check for {@code next}: only same-origin relative paths are followed ("/account", "/admin/rules?x=1").
 * Anything else (absolute URLs, scheme-relative {@code //host}, backslashes, control characters) becomes the
 * default.
 */
public final class SafeRedirects {

	public static final String DEFAULT_TARGET = "/account";

	private SafeRedirects() {
	}

	public static String next(@Nullable String candidate) {
		return isSafe(candidate) ? candidate : DEFAULT_TARGET;
	}

	public static boolean isSafe(@Nullable String candidate) {
		if (candidate == null || candidate.isEmpty() || candidate.length() > 2000) {
			return false;
		}
		if (candidate.charAt(0) != '/' || candidate.startsWith("//") || candidate.startsWith("/\\")) {
			return false;
		}
		for (int i = 0; i < candidate.length(); i++) {
			char c = candidate.charAt(i);
			if (c < 0x21 || c == 0x7f || c == '\\') {
				return false;
			}
		}
		try {
			URI uri = new URI(candidate);
			return uri.getScheme() == null && uri.getRawAuthority() == null;
		}
		catch (java.net.URISyntaxException e) {
			return false;
		}
	}

}
