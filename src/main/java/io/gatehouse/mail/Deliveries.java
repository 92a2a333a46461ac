package io.gatehouse.mail;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Outbound deliveries (e-mails, WorkOS sends) done after the page has answered, so that a request answers in the same
 * time whether or not it leads to a message: what an attacker times is only the queueing. Submitted inside a
 * transaction, a delivery is queued once it commits; it starts after a short random wait. A failing delivery is retried twice (after 1 s, then 5 s); one
 * that still fails, or finds the bounded queue full, is logged and published as {@link DeliveryFailed} (audited),
 * never dropped silently. Deliveries never carry a secret into a log: failures name the kind and the exception type.
 */
@Service
public class Deliveries implements DisposableBean {

	/** At most this many deliveries wait or run at once; more are refused (and audited). */
	static final int CAPACITY = 1000;

	static final List<Duration> RETRY_DELAYS = List.of(Duration.ofSeconds(1), Duration.ofSeconds(5));

	/**
	 * A delivery starts after a random wait of up to this long (from {@link #MIN_START_DELAY_MILLIS}), not at once: it
	 * would otherwise compete with the very response it follows, and a known person's answer would come a little later.
	 */
	static final int MAX_START_DELAY_MILLIS = 300;

	static final int MIN_START_DELAY_MILLIS = 50;

	private static final Logger LOG = LoggerFactory.getLogger(Deliveries.class);

	private final ApplicationEventPublisher events;

	private final ScheduledThreadPoolExecutor executor;

	private final Semaphore capacity;

	private final int limit;

	private final List<Duration> retryDelays;

	private final int minStartDelay;

	private final int maxStartDelay;

	@Autowired
	Deliveries(ApplicationEventPublisher events) {
		this(events, 2, CAPACITY, RETRY_DELAYS, MIN_START_DELAY_MILLIS, MAX_START_DELAY_MILLIS);
	}

	Deliveries(ApplicationEventPublisher events, int threads, int capacity, List<Duration> retryDelays,
			int minStartDelay, int maxStartDelay) {
		this.events = events;
		this.minStartDelay = minStartDelay;
		this.maxStartDelay = maxStartDelay;
		this.limit = capacity;
		this.capacity = new Semaphore(capacity);
		this.retryDelays = List.copyOf(retryDelays);
		this.executor = new ScheduledThreadPoolExecutor(threads, daemonThreads());
		this.executor.setRemoveOnCancelPolicy(true);
	}

	/**
	 * Queues a delivery and returns at once.
	 * @param kind what it is, for logs and the audit log (e.g. {@code password_reset})
	 * @param userId whom it concerns, when known
	 * @param subject whom it concerns in words (an address), when known
	 */
	public void submit(String kind, @Nullable Long userId, @Nullable String subject, Runnable delivery) {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					enqueue(new Job(kind, userId, subject, delivery));
				}
			});
			return;
		}
		enqueue(new Job(kind, userId, subject, delivery));
	}

	/** Waits until nothing is queued or running; false if that did not happen in time. */
	public boolean awaitIdle(Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (capacity.availablePermits() < limit) {
			if (System.nanoTime() > deadline) {
				return false;
			}
			try {
				Thread.sleep(10);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				return false;
			}
		}
		return true;
	}

	private void enqueue(Job job) {
		if (!capacity.tryAcquire()) {
			failed(job, "queue_full", 0);
			return;
		}
		try {
			long delay = maxStartDelay <= minStartDelay ? minStartDelay
					: ThreadLocalRandom.current().nextLong(minStartDelay, maxStartDelay + 1L);
			executor.schedule(() -> run(job, 1), delay, TimeUnit.MILLISECONDS);
		}
		catch (RuntimeException e) {
			capacity.release();
			failed(job, "shut_down", 0);
		}
	}

	private void run(Job job, int attempt) {
		try {
			job.delivery().run();
			capacity.release();
		}
		catch (RuntimeException e) {
			String reason = e.getClass().getSimpleName();
			if (attempt <= retryDelays.size()) {
				LOG.info("Delivery {} failed ({}), attempt {}; trying again", job.kind(), reason, attempt);
				try {
					executor.schedule(() -> run(job, attempt + 1), retryDelays.get(attempt - 1).toMillis(),
							TimeUnit.MILLISECONDS);
					return;
				}
				catch (RuntimeException rejected) {
					reason = "shut_down";
				}
			}
			capacity.release();
			failed(job, reason, attempt);
		}
	}

	private void failed(Job job, String reason, int attempts) {
		LOG.warn("Delivery {} for user {} failed after {} attempt(s): {}", job.kind(), job.userId(), attempts, reason);
		try {
			events.publishEvent(new DeliveryFailed(job.kind(), job.userId(), job.subject(), reason, attempts));
		}
		catch (RuntimeException e) {
			LOG.warn("Could not record the failed delivery {}: {}", job.kind(), e.getClass().getSimpleName());
		}
	}

	/** Lets queued deliveries (and their retries) finish before the application stops, for a bounded time. */
	@Override
	public void destroy() throws InterruptedException {
		executor.shutdown();
		if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
			LOG.warn("{} delivery(ies) still pending at shutdown", limit - capacity.availablePermits());
			executor.shutdownNow();
		}
	}

	private record Job(String kind, @Nullable Long userId, @Nullable String subject, Runnable delivery) {
	}

	private static ThreadFactory daemonThreads() {
		AtomicInteger number = new AtomicInteger();
		ThreadFactory defaults = Executors.defaultThreadFactory();
		return runnable -> {
			Thread thread = defaults.newThread(runnable);
			thread.setName("delivery-" + number.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		};
	}

}
