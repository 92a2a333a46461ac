package io.gatehouse.account.internal;

import java.security.MessageDigest;
import java.util.Base64;
import java.util.Deque;
import java.util.concurrent.ConcurrentLinkedDeque;

import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.jspecify.annotations.Nullable;
import org.springframework.security.crypto.keygen.BytesKeyGenerator;
import org.springframework.security.crypto.keygen.KeyGenerators;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Argon2id in Spring Security's encoding ({@code $argon2id$v=19$m=19456,t=2,p=1$salt$hash}: a hash made by either
 * this or Spring's {@code Argon2PasswordEncoder} is checked by the other), computed by Bouncy Castle with its memory
 * reused. Spring's encoder allocates the whole memory (19 MiB) afresh for every hash, so under sign-in load the
 * garbage collector sweeps 19 MiB per sign-in and takes CPU from the hashing itself. Here each hash borrows a set of
 * blocks, which Bouncy Castle zeroes before giving them back; at most {@code keptSets} sets are kept between hashes
 * (the callers bound how many hashes run at once, so that is about the cores), i.e. 19 MiB each.
 */
public final class PooledArgon2PasswordEncoder implements PasswordEncoder {

	/** OWASP's minimum for Argon2id: 19 MiB of memory, two passes, one lane. */
	public static final int MEMORY_KIB = 19 * 1024;

	public static final int ITERATIONS = 2;

	private static final int PARALLELISM = 1;

	private static final int SALT_BYTES = 16;

	private static final int HASH_BYTES = 32;

	private static final Base64.Encoder BASE64 = Base64.getEncoder().withoutPadding();

	private final BytesKeyGenerator salts = KeyGenerators.secureRandom(SALT_BYTES);

	private final Deque<Blocks> idle = new ConcurrentLinkedDeque<>();

	private final int keptSets;

	public PooledArgon2PasswordEncoder(int keptSets) {
		this.keptSets = keptSets;
	}

	@Override
	public @Nullable String encode(@Nullable CharSequence rawPassword) {
		if (rawPassword == null) {
			return null;
		}
		Argon2Parameters.Builder parameters = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
			.withVersion(Argon2Parameters.ARGON2_VERSION_13)
			.withMemoryAsKB(MEMORY_KIB)
			.withIterations(ITERATIONS)
			.withParallelism(PARALLELISM)
			.withSalt(salts.generateKey());
		byte[] hash = compute(rawPassword, parameters, HASH_BYTES);
		Argon2Parameters used = parameters.build();
		return "$argon2id$v=" + used.getVersion() + "$m=" + used.getMemory() + ",t=" + used.getIterations() + ",p="
				+ used.getLanes() + "$" + BASE64.encodeToString(used.getSalt()) + "$" + BASE64.encodeToString(hash);
	}

	@Override
	public boolean matches(@Nullable CharSequence rawPassword, @Nullable String encodedPassword) {
		if (rawPassword == null || encodedPassword == null) {
			return false;
		}
		StoredHash stored;
		try {
			stored = StoredHash.parse(encodedPassword);
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
		return MessageDigest.isEqual(stored.hash(), compute(rawPassword, stored.parameters(), stored.hash().length));
	}

	@Override
	public boolean upgradeEncoding(@Nullable String encodedPassword) {
		if (encodedPassword == null || encodedPassword.isEmpty()) {
			return false;
		}
		Argon2Parameters stored = StoredHash.parse(encodedPassword).parameters().build();
		return stored.getMemory() < MEMORY_KIB || stored.getIterations() < ITERATIONS;
	}

	private byte[] compute(CharSequence rawPassword, Argon2Parameters.Builder parameters, int length) {
		Blocks blocks = idle.pollFirst();
		if (blocks == null) {
			// The memory's blocks and the few Bouncy Castle works with besides.
			blocks = new Blocks(Argon2BytesGenerator.getBlockCount(MEMORY_KIB, PARALLELISM));
		}
		try {
			Argon2BytesGenerator generator = new Argon2BytesGenerator();
			generator.init(parameters.withBlockPool(blocks).build());
			byte[] hash = new byte[length];
			generator.generateBytes(rawPassword.toString().toCharArray(), hash);
			return hash;
		}
		finally {
			if (idle.size() < keptSets) {
				idle.offerFirst(blocks);
			}
		}
	}

	/**
	 * The blocks of one hash at a time (one thread holds it while it hashes). Bouncy Castle zeroes a block before it
	 * gives it back; blocks beyond the capacity (a stored hash with more memory than ours) are left to the collector.
	 */
	private static final class Blocks implements Argon2BytesGenerator.BlockPool {

		private final Argon2BytesGenerator.Block[] free;

		private int size;

		Blocks(int capacity) {
			this.free = new Argon2BytesGenerator.Block[capacity];
		}

		@Override
		public Argon2BytesGenerator.Block allocate() {
			if (size == 0) {
				return new Argon2BytesGenerator.Block();
			}
			Argon2BytesGenerator.Block block = free[--size];
			free[size] = null;
			return block;
		}

		@Override
		public void deallocate(Argon2BytesGenerator.Block block) {
			if (size < free.length) {
				free[size++] = block;
			}
		}

	}

	/** A stored {@code $argon2id$v=…$m=…,t=…,p=…$salt$hash}. */
	private record StoredHash(Argon2Parameters.Builder parameters, byte[] hash) {

		static StoredHash parse(String encoded) {
			String[] parts = encoded.split("\\$");
			if (parts.length != 6 || !parts[0].isEmpty() || !parts[1].equals("argon2id") || !parts[2].startsWith("v=")) {
				throw new IllegalArgumentException("not an Argon2id hash");
			}
			String[] costs = parts[3].split(",");
			if (costs.length != 3 || !costs[0].startsWith("m=") || !costs[1].startsWith("t=")
					|| !costs[2].startsWith("p=")) {
				throw new IllegalArgumentException("not an Argon2id cost");
			}
			Base64.Decoder base64 = Base64.getDecoder();
			Argon2Parameters.Builder parameters = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
				.withVersion(Integer.parseInt(parts[2].substring(2)))
				.withMemoryAsKB(Integer.parseInt(costs[0].substring(2)))
				.withIterations(Integer.parseInt(costs[1].substring(2)))
				.withParallelism(Integer.parseInt(costs[2].substring(2)))
				.withSalt(base64.decode(parts[4]));
			return new StoredHash(parameters, base64.decode(parts[5]));
		}

	}

}
