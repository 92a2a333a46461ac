package io.gatehouse.account;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.gatehouse.support.GatehouseIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The same person's first sign-in arriving several times at once (two tabs, a double click, a load balancer retry):
 * one account and one link are created, and every attempt signs the person in.
 */
@GatehouseIntegrationTest
class ConcurrentFirstSignInIntegrationTests {

	@Autowired
	Accounts accounts;

	@Test
	void concurrentFirstSignInsMakeOneAccountAndAllSucceed() throws Exception {
		ExternalIdentity identity = new ExternalIdentity("sso:conn_concurrent", "idp-concurrent-1", "GenericSAML", null,
				"twice.at.once@example.test", "Twice", "AtOnce", Map.of());
		Provisioning jit = new Provisioning(true, List.of(), Map.of(), false);
		ExecutorService pool = Executors.newFixedThreadPool(8);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<SignedInUser>> attempts = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			attempts.add(pool.submit(() -> {
				start.await();
				return accounts.signIn(identity, jit);
			}));
		}
		start.countDown();
		List<Long> userIds = new ArrayList<>();
		for (Future<SignedInUser> attempt : attempts) {
			userIds.add(attempt.get().userId());
		}
		pool.shutdown();

		assertThat(userIds).hasSize(8).containsOnly(userIds.get(0));
	}

}
