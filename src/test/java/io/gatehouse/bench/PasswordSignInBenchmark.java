package io.gatehouse.bench;

import java.io.IOException;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import io.gatehouse.account.Accounts;
import io.gatehouse.account.Passwords;
import io.gatehouse.account.internal.PooledArgon2PasswordEncoder;
import io.gatehouse.support.GatehouseIntegrationTest;
import io.gatehouse.support.Stats;
import io.gatehouse.support.KeepAliveBrowser;
import io.gatehouse.support.TestBrowser.Page;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Password sign-in under load, over real HTTP: full sign-ins per second against the ceiling of the app's own Argon2id
 * encoder (hashing in a loop on as many threads as the app hashes on, measured in the same run, after the same
 * warm-up), and the sign-in page's latency with and without that load. The clients are kept-alive connections that
 * read on their own thread, so the caller, which shares the two cores, costs as little as it can.
 */
@GatehouseIntegrationTest
@Tag("benchmark")
@TestPropertySource(properties = "spring.application.name=gatehouse-password-benchmark")
class PasswordSignInBenchmark {

	static final long SECONDS = 15;

	static final int ROUNDS = 2;

	/** 600 probes each, idle and loaded: a p99 of fewer is little more than the worst two. */
	static final long PROBE_SECONDS = 30;

	static final int PROBE_RATE = 20;

	static final String PASSWORD = "benchmark-password";

	static final long MIN_WARM_UP_SECONDS = 30;

	static final long MAX_WARM_UP_SECONDS = 90;

	static final long WARM_UP_WINDOW_SECONDS = 5;

	@LocalServerPort
	int port;

	@Autowired
	Accounts accounts;

	@Autowired
	Passwords passwords;

	@Test
	void passwordSignInsAgainstTheEncodersCeiling() throws Exception {
		int cores = Runtime.getRuntime().availableProcessors();
		int clients = passwords.hashingThreads() + 7;
		for (int i = 0; i < clients; i++) {
			accounts.createLocalUser("bench" + i + "@password.example", null, null, passwords.hash(PASSWORD), List.of());
		}
		double warmUpSeconds = warmUp(clients);

		Stats idlePage = pageLatency(System.nanoTime() + PROBE_SECONDS * 1_000_000_000L);

		// Throughput: the encoder alone, then sign-ins alone, twice over, so that a drift in the machine's speed (it
		// shares its host) weighs on both alike.
		List<String> rounds = new ArrayList<>();
		double ceilings = 0;
		int signIns = 0;
		double signInSeconds = 0;
		for (int round = 1; round <= ROUNDS; round++) {
			double roundCeiling = encoderCeiling(passwords.hashingThreads());
			AtomicInteger roundSignIns = new AtomicInteger();
			long start = System.nanoTime();
			runLoad(clients, start + SECONDS * 1_000_000_000L, roundSignIns, () -> null);
			double seconds = (System.nanoTime() - start) / 1e9;
			rounds.add(String.format("%.1f/s of %.1f/s", roundSignIns.get() / seconds, roundCeiling));
			ceilings += roundCeiling;
			signIns += roundSignIns.get();
			signInSeconds += seconds;
		}
		double ceiling = ceilings / ROUNDS;
		double rate = signIns / signInSeconds;

		// Latency: the same load again, with a paced probe of the sign-in page alongside.
		Stats[] loadedPage = new Stats[1];
		runLoad(clients, System.nanoTime() + (PROBE_SECONDS + 2) * 1_000_000_000L, new AtomicInteger(), () -> {
			Thread.sleep(1_000);
			loadedPage[0] = pageLatency(System.nanoTime() + PROBE_SECONDS * 1_000_000_000L);
			return null;
		});

		System.out.printf("BENCH warm-up until the JIT compiler settled: %.0f s of sign-ins%n", warmUpSeconds);
		System.out.printf("BENCH Argon2id ceiling (m=19 MiB, t=2, %d thread(s) as the app allows on %d cores, mean of the rounds): %.1f hashes/s%n",
				passwords.hashingThreads(), cores, ceiling);
		System.out.printf("BENCH password sign-ins over HTTP (%d clients, %d x %d s): %.1f sign-ins/s = %.0f%% of the ceiling (rounds: %s)%n",
				clients, ROUNDS, SECONDS, rate, 100 * rate / ceiling, String.join(", ", rounds));
		System.out.println("BENCH sign-in page (" + PROBE_RATE + "/s), idle:                " + idlePage);
		System.out.println("BENCH sign-in page (" + PROBE_RATE + "/s), under password load: " + loadedPage[0]);
		System.out.printf("BENCH sign-in page p99 under load / idle: %.2fx%n", loadedPage[0].p99Ms() / idlePage.p99Ms());
		assertThat(signIns).isPositive();
	}

	/**
	 * Signs in until the JIT compiler has settled, as it has in a server that has run for a while: at least
	 * {@link #MIN_WARM_UP_SECONDS}, then until a {@link #WARM_UP_WINDOW_SECONDS} s window spends less than 10 % of
	 * one core compiling (at most {@link #MAX_WARM_UP_SECONDS}). Measuring earlier measures the compiler, which on two
	 * cores takes a third of the CPU for the first minute.
	 * @return the seconds it took
	 */
	private double warmUp(int clients) throws Exception {
		CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
		long start = System.nanoTime();
		double seconds;
		long compiling;
		do {
			long before = jit.getTotalCompilationTime();
			runLoad(clients, System.nanoTime() + WARM_UP_WINDOW_SECONDS * 1_000_000_000L, new AtomicInteger(), () -> null);
			compiling = jit.getTotalCompilationTime() - before;
			seconds = (System.nanoTime() - start) / 1e9;
		}
		while (seconds < MAX_WARM_UP_SECONDS
				&& (seconds < MIN_WARM_UP_SECONDS || compiling > WARM_UP_WINDOW_SECONDS * 1000 / 10));
		return seconds;
	}

	/** Runs {@code clients} sign-in loops until {@code end}, and {@code alongside} on another thread meanwhile. */
	private void runLoad(int clients, long end, AtomicInteger signIns, java.util.concurrent.Callable<Void> alongside)
			throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(clients + 1);
		AtomicBoolean running = new AtomicBoolean(true);
		List<Future<Integer>> load = new ArrayList<>();
		for (int i = 0; i < clients; i++) {
			int client = i;
			load.add(pool.submit(() -> signIns.addAndGet(signInLoop(client, end, running))));
		}
		pool.submit(alongside).get();
		for (Future<Integer> f : load) {
			f.get();
		}
		pool.shutdown();
	}

	/**
	 * Full sign-ins (login page, step 1, password page, password) until the deadline; returns how many worked. Each
	 * starts without cookies, as a new visitor; the client keeps its connections, as a browser or a load balancer does.
	 */
	private int signInLoop(int client, long end, AtomicBoolean running) throws IOException {
		try (KeepAliveBrowser browser = new KeepAliveBrowser(port)) {
			int done = 0;
			while (running.get() && System.nanoTime() < end) {
				browser.forgetCookies();
				Page login = browser.get("/accounts/login");
				Page step1 = browser.submit(login, "/accounts/login",
						Map.of("username", "bench" + client + "@password.example", "next", ""));
				Page step2 = browser.get(step1.location());
				Page result = browser.submit(step2, "/accounts/login/password", Map.of("password", PASSWORD));
				if (result.status() == 302 && result.location().endsWith("/account")) {
					done++;
				}
			}
			return done;
		}
	}

	private static double encoderCeiling(int threads) throws Exception {
		PooledArgon2PasswordEncoder encoder = new PooledArgon2PasswordEncoder(threads);
		String hash = encoder.encode(PASSWORD);
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		long start = System.nanoTime();
		long end = start + SECONDS * 1_000_000_000L / 2;
		List<Future<Integer>> counts = new ArrayList<>();
		for (int t = 0; t < threads; t++) {
			counts.add(pool.submit(() -> {
				int n = 0;
				while (System.nanoTime() < end) {
					encoder.matches(PASSWORD, hash);
					n++;
				}
				return n;
			}));
		}
		int total = 0;
		for (Future<Integer> c : counts) {
			total += c.get();
		}
		pool.shutdown();
		return total / ((System.nanoTime() - start) / 1e9);
	}

	/**
	 * The sign-in page's latency, probed at a steady {@link #PROBE_RATE} per second: a gentle probe, so that it does
	 * not itself take the CPU it measures.
	 */
	private Stats pageLatency(long end) throws InterruptedException, IOException {
		try (KeepAliveBrowser browser = new KeepAliveBrowser(port)) {
			long[] samples = new long[100_000];
			int n = 0;
			long period = 1_000_000_000L / PROBE_RATE;
			long next = System.nanoTime();
			while (System.nanoTime() < end && n < samples.length) {
				long t0 = System.nanoTime();
				Page page = browser.get("/accounts/login");
				samples[n++] = System.nanoTime() - t0;
				assertThat(page.status()).isEqualTo(200);
				next += period;
				long wait = next - System.nanoTime();
				if (wait > 0) {
					Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
				}
			}
			return Stats.of(samples, n);
		}
	}

}
