package io.gatehouse.emulator;

import java.security.SecureRandom;

/** WorkOS-style ids: a prefix and a ULID ({@code org_01J9ZQ5W3E5R7T9Y1U3I5O7P9A}), sortable by creation time. */
final class Ids {

	private static final char[] CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();

	private static final SecureRandom RANDOM = new SecureRandom();

	private Ids() {
	}

	static String next(String prefix) {
		char[] ulid = new char[26];
		long time = System.currentTimeMillis();
		for (int i = 9; i >= 0; i--) {
			ulid[i] = CROCKFORD[(int) (time & 31)];
			time >>>= 5;
		}
		for (int i = 10; i < 26; i++) {
			ulid[i] = CROCKFORD[RANDOM.nextInt(32)];
		}
		return prefix + "_" + new String(ulid);
	}

	/** An unguessable secret for codes and tokens. */
	static String secret() {
		byte[] bytes = new byte[24];
		RANDOM.nextBytes(bytes);
		StringBuilder text = new StringBuilder();
		for (byte b : bytes) {
			text.append(CROCKFORD[(b & 0xff) % 32]);
		}
		return text.toString();
	}

}
