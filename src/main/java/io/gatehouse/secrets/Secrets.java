package io.gatehouse.secrets;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Random tokens, SHA-256 hashes and HMACs, as stored for states, links and codes (never the secret itself). */
public final class Secrets {

	private static final SecureRandom RANDOM = new SecureRandom();

	private Secrets() {
	}

	/** {@code bytes} random bytes, URL-safe Base64 without padding (32 bytes: 256 bits, 43 characters). */
	public static String randomToken(int bytes) {
		byte[] value = new byte[bytes];
		RANDOM.nextBytes(value);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(value);
	}

	/** A random number with exactly {@code digits} digits, leading zeros kept ("004211"). */
	public static String randomDigits(int digits) {
		int bound = (int) Math.pow(10, digits);
		return String.format("%0" + digits + "d", RANDOM.nextInt(bound));
	}

	/** Lowercase hex SHA-256 of the UTF-8 text. */
	public static String sha256Hex(String text) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("SHA-256 is missing from this JVM", e);
		}
	}

	/** Lowercase hex HMAC-SHA-256 of the UTF-8 text under a key. */
	public static String hmacSha256Hex(byte[] key, String text) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key, "HmacSHA256"));
			return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException | InvalidKeyException e) {
			throw new IllegalStateException("HMAC-SHA-256 is unavailable", e);
		}
	}

	/** Compares two texts in time independent of where they differ. */
	public static boolean constantTimeEquals(String a, String b) {
		return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
	}

}
