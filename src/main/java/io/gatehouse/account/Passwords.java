package io.gatehouse.account;

import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.annotation.PreDestroy;

import io.gatehouse.account.internal.PooledArgon2PasswordEncoder;
import io.gatehouse.account.internal.UserAccount;
import io.gatehouse.account.internal.UserRepository;
import io.gatehouse.settings.GatehouseSettings;
import org.jspecify.annotations.Nullable;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.stereotype.Service;

/**
 * Password hashing and checking. New hashes are Argon2id (19 MiB, 2 iterations, OWASP's minimum); bcrypt hashes are
 * accepted and upgraded at the next successful sign-in. An unknown account costs the same hash as a known one.
 * <p>
 * Hashes run on threads of their own, by default one fewer than the cores (at least one): a burst of sign-ins queues
 * for them instead of starving every other page. A hashing thread runs hash after hash while requests queue, with its
 * memory reused ({@link PooledArgon2PasswordEncoder}). When request threads took turns at a hashing permit instead,
 * each hash spent a sixth of its time waiting for a core (measured on two cores: 33 ms from start to end for 28 ms of
 * CPU), and sign-ins reached about 85 % of the hasher's own speed; now they reach it. No database transaction is held
 * while a hash is queued or computed.
 */
@Service
public class Passwords {

	private static final String DEFAULT_ID = "argon2";

	private final PasswordEncoder encoder;

	private final ExecutorService hashers;

	private final String unknownUserHash;

	private final UserRepository users;

	private final int hashingThreads;

	Passwords(UserRepository users, GatehouseSettings settings) {
		this.users = users;
		int cores = Runtime.getRuntime().availableProcessors();
		this.hashingThreads = settings.login().hashingThreads() > 0 ? settings.login().hashingThreads()
				: Math.max(1, cores - 1);
		this.encoder = new DelegatingPasswordEncoder(DEFAULT_ID, Map.of(DEFAULT_ID,
				new PooledArgon2PasswordEncoder(hashingThreads), "bcrypt", new BCryptPasswordEncoder()));
		CustomizableThreadFactory threads = new CustomizableThreadFactory("password-hashing-");
		threads.setDaemon(true);
		this.hashers = Executors.newFixedThreadPool(hashingThreads, threads);
		this.unknownUserHash = onHashingThread(() -> encoder.encode("not a password of anyone " + System.nanoTime()));
	}

	/** How many password hashes may be computed at once. */
	public int hashingThreads() {
		return hashingThreads;
	}

	/** A hash for a new password. */
	public String hash(String password) {
		return onHashingThread(() -> encoder.encode(password));
	}

	/**
	 * Checks a password for an account id (or none, for an unknown user: same cost, always false). Upgrades an
	 * outdated hash on success.
	 */
	public boolean matches(@Nullable Long userId, String password) {
		String stored = userId == null ? null : users.findById(userId).map(UserAccount::getPasswordHash).orElse(null);
		boolean ok = onHashingThread(() -> encoder.matches(password, stored != null ? stored : unknownUserHash))
				&& stored != null;
		if (ok && encoder.upgradeEncoding(stored)) {
			users.replacePasswordHash(userId, stored, hash(password));
		}
		return ok;
	}

	/**
	 * Changes a person's own password after checking the current one.
	 * @return false if the current password is wrong (or was changed meanwhile)
	 */
	public boolean change(long userId, String current, String replacement) {
		String stored = users.findById(userId).map(UserAccount::getPasswordHash).orElse(null);
		if (stored == null || !onHashingThread(() -> encoder.matches(current, stored))) {
			return false;
		}
		return users.replacePasswordHash(userId, stored, hash(replacement)) == 1;
	}

	/** Sets a password without the current one (first admin, demo data). */
	public void set(long userId, String password) {
		setHash(userId, hash(password));
	}

	/** Stores a hash made by {@link #hash} (a reset link hashes first, then uses its token in one transaction). */
	public void setHash(long userId, String hash) {
		if (users.setPasswordHash(userId, hash) != 1) {
			throw new IllegalArgumentException("No account " + userId);
		}
	}

	/** Hashes still queued are cancelled: whoever waits for one gets an answer instead of waiting for ever. */
	@PreDestroy
	void stop() {
		hashers.shutdownNow().forEach(queued -> ((Future<?>) queued).cancel(false));
	}

	/** Runs a hash on a hashing thread, waiting for its turn. */
	private <T> T onHashingThread(Callable<T> work) {
		Future<T> result = hashers.submit(work);
		try {
			return result.get();
		}
		catch (InterruptedException e) {
			result.cancel(false);
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting for a password hash", e);
		}
		catch (ExecutionException e) {
			if (e.getCause() instanceof RuntimeException runtime) {
				throw runtime;
			}
			throw new IllegalStateException("Password hashing failed", e.getCause());
		}
	}

}
