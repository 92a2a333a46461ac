package io.gatehouse.account;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * Turns a {@code User-Agent} header into a short description people recognise, such as "Chrome on Linux". Deliberately
 * tiny: it knows the common browsers and systems and says "Unknown device" for everything else, which is enough to
 * tell one's own sessions apart. The header itself is never stored.
 */
final class DeviceNames {

	static final String UNKNOWN = "Unknown device";

	private static final int MAX_HEADER = 512;

	private DeviceNames() {
	}

	static String describe(@Nullable String userAgent) {
		if (userAgent == null || userAgent.isBlank()) {
			return UNKNOWN;
		}
		String header = userAgent.length() > MAX_HEADER ? userAgent.substring(0, MAX_HEADER) : userAgent;
		String browser = browser(header);
		String system = system(header);
		if (browser == null && system == null) {
			return UNKNOWN;
		}
		if (browser == null) {
			return "Browser on " + system;
		}
		return system == null ? browser : browser + " on " + system;
	}

	/** The order matters: Edge and Opera also say "Chrome", Chrome also says "Safari". */
	private static @Nullable String browser(String header) {
		if (header.contains("Edg/") || header.contains("EdgA/") || header.contains("EdgiOS/") || header.contains("Edge/")) {
			return "Edge";
		}
		if (header.contains("OPR/") || header.contains("Opera")) {
			return "Opera";
		}
		if (header.contains("SamsungBrowser/")) {
			return "Samsung Internet";
		}
		if (header.contains("Firefox/") || header.contains("FxiOS/")) {
			return "Firefox";
		}
		if (header.contains("Chromium/")) {
			return "Chromium";
		}
		if (header.contains("Chrome/") || header.contains("CriOS/")) {
			return "Chrome";
		}
		if (header.contains("Safari/") && header.contains("Version/")) {
			return "Safari";
		}
		String lower = header.toLowerCase(Locale.ROOT);
		if (lower.startsWith("curl/")) {
			return "curl";
		}
		if (lower.startsWith("java-http-client") || lower.startsWith("java/")) {
			return "Java client";
		}
		return null;
	}

	/** iOS and Android come first: their headers also mention "Mac OS X" and "Linux". */
	private static @Nullable String system(String header) {
		if (header.contains("iPhone") || header.contains("iPad") || header.contains("iPod")) {
			return "iOS";
		}
		if (header.contains("Android")) {
			return "Android";
		}
		if (header.contains("Windows")) {
			return "Windows";
		}
		if (header.contains("CrOS")) {
			return "ChromeOS";
		}
		if (header.contains("Macintosh") || header.contains("Mac OS X")) {
			return "macOS";
		}
		if (header.contains("Linux") || header.contains("X11")) {
			return "Linux";
		}
		return null;
	}

}
