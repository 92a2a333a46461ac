package io.gatehouse.account.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pooled encoder must be a drop-in for Spring Security's: every stored {@code {argon2}} hash keeps working, and
 * hashes it makes check with Spring's, whatever the reuse of memory between hashes and threads.
 */
class PooledArgon2PasswordEncoderTests {

	private final PooledArgon2PasswordEncoder pooled = new PooledArgon2PasswordEncoder(1);

	private final Argon2PasswordEncoder spring = new Argon2PasswordEncoder(16, 32, 1,
			PooledArgon2PasswordEncoder.MEMORY_KIB, PooledArgon2PasswordEncoder.ITERATIONS);

	@Test
	void hashesCheckBothWaysWithSpringSecuritysEncoder() {
		String password = "correct horse ✓ battery";
		String ours = pooled.encode(password);
		String theirs = spring.encode(password);

		assertThat(ours).matches("\\$argon2id\\$v=19\\$m=19456,t=2,p=1\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}");
		assertThat(spring.matches(password, ours)).isTrue();
		assertThat(pooled.matches(password, theirs)).isTrue();
		assertThat(pooled.matches(password, ours)).isTrue();
		assertThat(pooled.matches("correct horse ✓ batterY", ours)).isFalse();
		assertThat(pooled.matches("correct horse ✓ batterY", theirs)).isFalse();
		assertThat(pooled.encode(password)).as("a fresh salt every time").isNotEqualTo(ours);
	}

	@Test
	void reusedMemoryGivesTheSameAnswersAcrossThreads() throws Exception {
		List<String> passwords = List.of("alpha-1", "bravo-2", "charlie-3", "delta-4");
		List<String> hashes = passwords.stream().map(spring::encode).toList();
		ExecutorService pool = Executors.newFixedThreadPool(3);
		try {
			List<Future<Boolean>> checks = new ArrayList<>();
			for (int round = 0; round < 3; round++) {
				for (int i = 0; i < passwords.size(); i++) {
					String password = passwords.get(i);
					String hash = hashes.get(i);
					String other = hashes.get((i + 1) % hashes.size());
					checks.add(pool.submit(() -> pooled.matches(password, hash) && !pooled.matches(password, other)));
				}
			}
			for (Future<Boolean> check : checks) {
				assertThat(check.get()).isTrue();
			}
		}
		finally {
			pool.shutdown();
		}
	}

	@Test
	void malformedOrMissingHashesNeverMatch() {
		assertThat(pooled.matches("x", null)).isFalse();
		assertThat(pooled.matches("x", "")).isFalse();
		assertThat(pooled.matches("x", "$argon2id$v=19$m=19456,t=2,p=1$!!!$???")).isFalse();
		assertThat(pooled.matches("x", "$argon2id$v=19$m=lots,t=2,p=1$c2FsdHNhbHRzYWx0c2FsdA$aGFzaA")).isFalse();
		assertThat(pooled.matches("x", "$2a$10$abcdefghijklmnopqrstuv")).isFalse();
	}

	@Test
	void weakerStoredHashesAskForAnUpgrade() {
		Argon2PasswordEncoder weaker = new Argon2PasswordEncoder(16, 32, 1, 4096, 3);
		Argon2PasswordEncoder fewerPasses = new Argon2PasswordEncoder(16, 32, 1, PooledArgon2PasswordEncoder.MEMORY_KIB, 1);

		assertThat(pooled.upgradeEncoding(weaker.encode("x"))).isTrue();
		assertThat(pooled.upgradeEncoding(fewerPasses.encode("x"))).isTrue();
		assertThat(pooled.upgradeEncoding(pooled.encode("x"))).isFalse();
		assertThat(pooled.matches("x", weaker.encode("x"))).as("a weaker hash still checks").isTrue();
	}

}
