package io.gatehouse.directory;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import io.gatehouse.account.Accounts;
import io.gatehouse.account.Passwords;
import io.gatehouse.settings.GatehouseSettings;
import io.gatehouse.support.GatehouseIntegrationTest;
import io.gatehouse.support.KeepAliveWebhookSender;
import io.gatehouse.support.SignedInAs;
import io.gatehouse.support.SignedWebhooks;
import io.gatehouse.support.Stats;
import io.gatehouse.support.TestBrowser;
import io.gatehouse.workos.DirectoryInfo;
import io.gatehouse.workos.WorkOs;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Directory sync at scale (DESIGN section 10): a full sync of 100,000 users per directory through the SDK with no
 * rate limit (target under 60 s, heap under 512 MB), dashboard search at that size (p95 under 50 ms) and webhook
 * intake (1,000 events per second, each applied once). The databases are files, as in production, so the heap holds
 * only what the app holds.
 */
@GatehouseIntegrationTest
@Tag("benchmark")
@TestPropertySource(properties = { "spring.application.name=gatehouse-directory-benchmark",
		"spring.datasource.url=jdbc:h2:file:./target/bench-data/gatehouse-${random.uuid};MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
		"gatehouse.local.emulator-jdbc-url=jdbc:h2:file:./target/bench-data/emulator-${random.uuid}",
		"gatehouse.local.emulator-directory-extra-users=${bench.directory.users:100000}",
		"gatehouse.local.emulator-directory-rate-limit=0",
		"gatehouse.directory.requests-per-second=0", "gatehouse.directory.catch-up-enabled=false" })
class DirectorySyncBenchmark {

	static final int SEARCHES = 1_000;

	static final int WEBHOOKS = 10_000;

	static final int WARM_UP = 2_000;

	@LocalServerPort
	int port;

	@Autowired
	GatehouseSettings settings;

	@Autowired
	FullSync sync;

	@Autowired
	WorkOs workos;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Accounts accounts;

	@Autowired
	Passwords passwords;

	@Test
	void fullSyncSearchAndWebhookIntakeAt100000Users() throws Exception {
		MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
		System.gc();
		long heapBefore = memory.getHeapMemoryUsage().getUsed();
		AtomicLong peak = new AtomicLong();
		Thread sampler = new Thread(() -> {
			while (!Thread.currentThread().isInterrupted()) {
				peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
				try {
					Thread.sleep(50);
				}
				catch (InterruptedException e) {
					return;
				}
			}
		});
		sampler.start();
		long started = System.nanoTime();
		int users = sync.syncAll();
		double seconds = (System.nanoTime() - started) / 1e9;
		sampler.interrupt();
		int directories = workos.directories().size();
		System.out.printf("BENCH directory full sync: %d users in %d directories in %.1f s = %.0f users/s; "
				+ "per 100,000 users %.1f s; heap used before %d MB, peak during %d MB (max heap %d MB)%n", users,
				directories, seconds, users / seconds, seconds * 100_000 / users, heapBefore >> 20, peak.get() >> 20,
				memory.getHeapMemoryUsage().getMax() >> 20);
		assertThat(users).isGreaterThanOrEqualTo(2 * Integer.getInteger("bench.directory.users", 100_000));

		DirectoryInfo acme = workos.directories().stream().filter(d -> d.name().startsWith("Acme")).findFirst().orElseThrow();
		accounts.createAdmin("bench.admin@example.test", passwords.hash("bench-admin-password"));
		TestBrowser admin = SignedInAs.password(port, "bench.admin@example.test", "bench-admin-password");
		Random random = new Random(42);
		String[] shapes = { "employee%05d", "%05d", "Employee %05d", "employee0%03d" };
		for (int i = 0; i < 200; i++) {
			admin.get("/directories/" + acme.id() + "?q=" + String.format(shapes[i % shapes.length], random.nextInt(100_000)).replace(" ", "+"));
		}
		long[] latencies = new long[SEARCHES];
		for (int i = 0; i < SEARCHES; i++) {
			String term = String.format(shapes[i % shapes.length], random.nextInt(100_000)).replace(" ", "+");
			long t0 = System.nanoTime();
			TestBrowser.Page page = admin.get("/directories/" + acme.id() + "?q=" + term);
			latencies[i] = System.nanoTime() - t0;
			assertThat(page.status()).isEqualTo(200);
		}
		System.out.println("BENCH directory dashboard search over 100,020 users (HTTP, full page): " + Stats.of(latencies, SEARCHES));

		List<String> bodies = new ArrayList<>();
		Instant at = Instant.now();
		for (int i = 0; i < WEBHOOKS; i++) {
			bodies.add(SignedWebhooks.event("dsync.user.created", SignedWebhooks.user("directory_user_bench" + i, acme.id(),
					acme.organizationId(), "hook" + i + "@acme.test", "Hook", "No" + i, "active", at), at));
		}
		try (KeepAliveWebhookSender warmUp = new KeepAliveWebhookSender(port, settings.local().emulatorWebhookSecret())) {
			for (int i = 0; i < WARM_UP; i++) {
				warmUp.send(SignedWebhooks.event("dsync.user.created", SignedWebhooks.user("directory_user_warm" + i,
						acme.id(), acme.organizationId(), "warm" + i + "@acme.test", "Warm", "Up", "active", at), at));
			}
		}
		List<String> stream = new ArrayList<>(bodies);
		stream.addAll(bodies.subList(0, WEBHOOKS / 10));
		Collections.shuffle(stream, new Random(7));
		int senders = 8;
		ExecutorService pool = Executors.newFixedThreadPool(senders);
		long t0 = System.nanoTime();
		List<Future<Integer>> answers = new ArrayList<>();
		for (int s = 0; s < senders; s++) {
			int first = s;
			answers.add(pool.submit(() -> {
				int failures = 0;
				try (KeepAliveWebhookSender sender = new KeepAliveWebhookSender(port, settings.local().emulatorWebhookSecret())) {
					for (int i = first; i < stream.size(); i += senders) {
						failures += sender.send(stream.get(i)) == 200 ? 0 : 1;
					}
				}
				return failures;
			}));
		}
		int failed = 0;
		for (Future<Integer> answer : answers) {
			failed += answer.get();
		}
		double intakeSeconds = (System.nanoTime() - t0) / 1e9;
		pool.shutdown();
		long applied = jdbc.sql("select count(*) from directory_users where id like 'directory_user_bench%'").query(Long.class).single();
		long recorded = jdbc.sql("select count(*) from directory_events where subject_id like 'directory_user_bench%'").query(Long.class).single();
		System.out.printf("BENCH webhook intake (after %d to warm up): %d deliveries (%d events + 10%% duplicates) in %.2f s = %.0f deliveries/s, "
				+ "%d failed; %d users applied, %d events recorded%n", WARM_UP, stream.size(), WEBHOOKS, intakeSeconds,
				stream.size() / intakeSeconds, failed, applied, recorded);
		assertThat(failed).isZero();
		assertThat(applied).isEqualTo(WEBHOOKS);
		assertThat(recorded).isEqualTo(WEBHOOKS);
	}

}
