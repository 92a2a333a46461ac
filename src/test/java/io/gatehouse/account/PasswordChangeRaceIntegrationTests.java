package io.gatehouse.account;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import io.gatehouse.account.internal.UserRepository;
import io.gatehouse.support.GatehouseIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A sign-in records its time on an account it read before a password change committed: the old password must not
 * come back with it.
 */
@GatehouseIntegrationTest
class PasswordChangeRaceIntegrationTests {

	@Autowired
	Accounts accounts;

	@Autowired
	Passwords passwords;

	@Autowired
	UserRepository users;

	@Autowired
	TransactionTemplate transactions;

	@Test
	void aSignInRecordedAfterAPasswordChangeDoesNotBringTheOldPasswordBack() {
		long id = accounts.createLocalUser("race.change@example.test", "Race", "Change", passwords.hash("old-password-1"),
				List.of());

		transactions.executeWithoutResult(status -> {
			var signingIn = users.findById(id).orElseThrow();
			// Meanwhile, in another transaction: the person changes their password.
			CompletableFuture.runAsync(() -> assertThat(passwords.change(id, "old-password-1", "new-password-2")).isTrue())
				.join();
			signingIn.signedIn(Instant.now());
		});

		assertThat(passwords.matches(id, "new-password-2")).isTrue();
		assertThat(passwords.matches(id, "old-password-1")).isFalse();
	}

}
