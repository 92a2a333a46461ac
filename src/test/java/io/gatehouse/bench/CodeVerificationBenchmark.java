package io.gatehouse.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntPredicate;

import io.gatehouse.support.GatehouseIntegrationTest;
import io.gatehouse.support.Stats;
import io.gatehouse.support.TotpCodes;
import io.gatehouse.workos.TotpEnrolment;
import io.gatehouse.workos.WorkOs;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Second-factor code verification through the real SDK into the emulator, offered at a steady 200 per second (open
 * loop: latency counts from when each request was due). Target (issue 4): 200/s with p95 under 30 ms.
 */
@GatehouseIntegrationTest
@Tag("benchmark")
@TestPropertySource(properties = "spring.application.name=gatehouse-code-benchmark")
class CodeVerificationBenchmark {

	static final int RATE = 200;

	static final int SECONDS = 5;

	@Autowired
	WorkOs workos;

	@Test
	void verifyTotpAndSmsCodesAt200PerSecond() throws Exception {
		int count = RATE * SECONDS;
		List<String> totpChallenges = new ArrayList<>();
		List<String> totpCodes = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			TotpEnrolment factor = workos.enrollTotp("Bench", "bench" + i + "@example.test");
			totpChallenges.add(workos.challenge(factor.factorId(), null));
			totpCodes.add(factor.secret());
		}
		List<String> smsChallenges = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			smsChallenges.add(workos.challenge(workos.enrollSms("+1415555" + String.format("%04d", i % 10_000)), null));
		}
		run("warm-up", 400, i -> workos.verify(smsChallenges.get(i), "000000") || true);

		Stats totp = run("TOTP", count, i -> workos.verify(totpChallenges.get(i), TotpCodes.code(totpCodes.get(i), 0)));
		Stats sms = run("SMS", count, i -> !workos.verify(smsChallenges.get(i), "000000"));

		System.out.println("BENCH TOTP code verification at " + RATE + "/s: " + totp);
		System.out.println("BENCH SMS code verification at " + RATE + "/s:  " + sms);
	}

	/** Offers {@code count} verifications at {@link #RATE} per second; each must come out as expected. */
	private Stats run(String name, int count, IntPredicate verification) throws InterruptedException {
		ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
		ExecutorService workers = Executors.newFixedThreadPool(32);
		long[] latencies = new long[count];
		AtomicInteger next = new AtomicInteger();
		AtomicInteger wrong = new AtomicInteger();
		CountDownLatch done = new CountDownLatch(count);
		long start = System.nanoTime();
		long periodNanos = 1_000_000_000L / RATE;
		clock.scheduleAtFixedRate(() -> {
			int i = next.getAndIncrement();
			if (i >= count) {
				return;
			}
			long due = start + i * periodNanos;
			workers.submit(() -> {
				try {
					if (!verification.test(i)) {
						wrong.incrementAndGet();
					}
				}
				finally {
					latencies[i] = System.nanoTime() - due;
					done.countDown();
				}
			});
		}, 0, periodNanos, TimeUnit.NANOSECONDS);
		done.await(2, TimeUnit.MINUTES);
		double seconds = (System.nanoTime() - start) / 1e9;
		clock.shutdownNow();
		workers.shutdown();
		assertThat(wrong.get()).as(name + " verifications with an unexpected answer").isZero();
		System.out.printf("BENCH %s: %d verifications in %.2f s = %.0f/s%n", name, count, seconds, count / seconds);
		return Stats.of(latencies, count);
	}

}
