package io.gatehouse.support;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** What an authenticator app computes: RFC 6238 codes (SHA-1, 6 digits, 30 s) from a Base32 secret. */
public final class TotpCodes {

	private TotpCodes() {
	}

	/** The code for now plus {@code stepOffset} 30-second steps. */
	public static String code(String base32Secret, int stepOffset) {
		long step = Math.floorDiv(System.currentTimeMillis() / 1000, 30) + stepOffset;
		try {
			Mac mac = Mac.getInstance("HmacSHA1");
			mac.init(new SecretKeySpec(decode(base32Secret), "HmacSHA1"));
			byte[] h = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
			int o = h[h.length - 1] & 0x0f;
			int bin = ((h[o] & 0x7f) << 24) | ((h[o + 1] & 0xff) << 16) | ((h[o + 2] & 0xff) << 8) | (h[o + 3] & 0xff);
			return String.format("%06d", bin % 1_000_000);
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}

	private static byte[] decode(String text) {
		String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		int buffer = 0;
		int bits = 0;
		for (char c : text.toCharArray()) {
			buffer = (buffer << 5) | alphabet.indexOf(c);
			bits += 5;
			if (bits >= 8) {
				out.write((buffer >> (bits - 8)) & 0xff);
				bits -= 8;
			}
		}
		return out.toByteArray();
	}

	/**
	 * Waits (at most 6 s) until the current 30-second step has at least 6 s left, so a code of an earlier step typed now
	 * is still within the server's window when it is checked.
	 */
	public static void awaitFreshStep() {
		long intoStep = System.currentTimeMillis() % 30_000;
		if (intoStep > 24_000) {
			try {
				Thread.sleep(30_000 - intoStep + 200);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
		}
	}

}
