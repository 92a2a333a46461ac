package io.gatehouse.account;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Semaphore;

import io.gatehouse.account.internal.UserAccount;
import io.gatehouse.account.internal.UserRepository;
import io.gatehouse.settings.GatehouseSettings;
import org.jspecify.annotations.Nullable;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Password hashing and checking. New hashes are Argon2id (19 MiB, 2 iterations, OWASP's minimum); bcrypt hashes are
 * accepted and upgraded at the next successful sign-in. Hash computations are bounded (by default one fewer than the
 * cores, at least one), so a burst of sign-ins queues for the hasher instead of starving every other page. An unknown
 * account costs the same hash as a known one.
 */
@Service
public class Passwords {

	private static final String DEFAULT_ID = "argon2";

	private final PasswordEncoder encoder;

	private final Semaphore hashing;

	private final String unknownUserHash;

	private final UserRepository users;

	private final int hashingThreads;

	Passwords(UserRepository users, GatehouseSettings settings) {
		this.users = users;
		int cores = Runtime.getRuntime().availableProcessors();
		this.hashingThreads = settings.login().hashingThreads() > 0 ? settings.login().hashingThreads()
				: Math.max(1, cores - 1);
		DelegatingPasswordEncoder delegating = new DelegatingPasswordEncoder(DEFAULT_ID,
				Map.of(DEFAULT_ID, new Argon2PasswordEncoder(16, 32, 1, 19 * 1024, 2), "bcrypt",
						new BCryptPasswordEncoder()));
		this.encoder = delegating;
		this.hashing = new Semaphore(hashingThreads, true);
		this.unknownUserHash = encoder.encode("not a password of anyone " + System.nanoTime());
	}

	/** How many password hashes may be computed at once. */
	public int hashingThreads() {
		return hashingThreads;
	}

	/** A hash for a new password. */
	public String hash(String password) {
		return bounded(() -> encoder.encode(password));
	}

	/**
	 * Checks a password for an account id (or none, for an unknown user: same cost, always false). Upgrades an
	 * outdated hash on success.
	 */
	@Transactional
	public boolean matches(@Nullable Long userId, String password) {
		Optional<UserAccount> user = userId == null ? Optional.empty() : users.findById(userId);
		String stored = user.map(UserAccount::getPasswordHash).orElse(null);
		boolean ok = bounded(() -> encoder.matches(password, stored != null ? stored : unknownUserHash)) && stored != null;
		if (ok && encoder.upgradeEncoding(stored)) {
			user.get().setPasswordHash(hash(password));
		}
		return ok;
	}

	/**
	 * Changes a person's own password after checking the current one.
	 * @return false if the current password is wrong
	 */
	@Transactional
	public boolean change(long userId, String current, String replacement) {
		if (!matches(userId, current)) {
			return false;
		}
		users.findById(userId).orElseThrow().setPasswordHash(hash(replacement));
		return true;
	}

	/** Sets a password without the current one (first admin, demo data). */
	@Transactional
	public void set(long userId, String password) {
		users.findById(userId).orElseThrow().setPasswordHash(hash(password));
	}

	private <T> T bounded(java.util.function.Supplier<T> work) {
		try {
			hashing.acquire();
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while waiting to hash", e);
		}
		try {
			return work.get();
		}
		finally {
			hashing.release();
		}
	}

}
