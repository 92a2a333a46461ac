package io.gatehouse.mail;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Background deliveries: retried, and never lost without a trace. */
class DeliveriesTests {

	final List<Object> published = new CopyOnWriteArrayList<>();

	Deliveries deliveries = new Deliveries(published::add, 1, 2, List.of(Duration.ofMillis(10), Duration.ofMillis(10)), 0, 0);

	@AfterEach
	void stop() throws InterruptedException {
		deliveries.destroy();
	}

	@Test
	void retriesAFailingDeliveryAndRecordsNothingWhenItFinallyGoesOut() {
		AtomicInteger attempts = new AtomicInteger();

		deliveries.submit("password_reset", 7L, "a@example.test", () -> {
			if (attempts.incrementAndGet() < 3) {
				throw new MailUnavailable("refused", null);
			}
		});

		assertThat(deliveries.awaitIdle(Duration.ofSeconds(5))).isTrue();
		assertThat(attempts).hasValue(3);
		assertThat(published).isEmpty();
	}

	@Test
	void recordsADeliveryThatFailsEveryAttempt() {
		AtomicInteger attempts = new AtomicInteger();

		deliveries.submit("magic_link", 8L, "b@example.test", () -> {
			attempts.incrementAndGet();
			throw new IllegalStateException("https://secret.example/link-that-must-not-be-logged");
		});

		assertThat(deliveries.awaitIdle(Duration.ofSeconds(5))).isTrue();
		assertThat(attempts).hasValue(3);
		assertThat(published).containsExactly(new DeliveryFailed("magic_link", 8L, "b@example.test",
				"IllegalStateException", 3));
	}

	@Test
	void recordsADeliveryRefusedBecauseTheQueueIsFull() throws InterruptedException {
		CountDownLatch release = new CountDownLatch(1);
		Runnable blocked = () -> {
			try {
				release.await(5, TimeUnit.SECONDS);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
		};
		deliveries.submit("email_code", 1L, "c@example.test", blocked);
		deliveries.submit("email_code", 2L, "d@example.test", blocked);

		deliveries.submit("email_code", 3L, "e@example.test", () -> {
		});
		release.countDown();

		assertThat(deliveries.awaitIdle(Duration.ofSeconds(5))).isTrue();
		assertThat(published).containsExactly(new DeliveryFailed("email_code", 3L, "e@example.test", "queue_full", 0));
	}

}
