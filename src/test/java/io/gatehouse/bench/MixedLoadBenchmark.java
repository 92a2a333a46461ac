package io.gatehouse.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import io.gatehouse.account.Accounts;
import io.gatehouse.account.Passwords;
import io.gatehouse.support.GatehouseIntegrationTest;
import io.gatehouse.support.SignedInAs;
import io.gatehouse.support.SsoJourney;
import io.gatehouse.support.Stats;
import io.gatehouse.support.TestBrowser;
import io.gatehouse.support.TestBrowser.Page;
import io.gatehouse.support.TotpCodes;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sixty seconds of mixed sign-ins on two cores (issue 7): SSO through the test IdP, passwords, and passwords with an
 * authenticator-app code, side by side, while a prober times the pages that do not hash (the login page and the
 * account page). Targets: zero errors; non-hashing pages p99 under 50 ms. Prints sign-ins per method.
 */
@GatehouseIntegrationTest
@Tag("benchmark")
@TestPropertySource(properties = "spring.application.name=gatehouse-mixed-load-benchmark")
class MixedLoadBenchmark {

	static final long SECONDS = Long.getLong("bench.mixed.seconds", 60);

	static final String PASSWORD = "mixed-load-password";

	static final int TOTP_PEOPLE = 120;

	/** Each simulated person waits this long between sign-ins, as people do; without it the load is a flood. */
	static final long THINK_MILLIS = Long.getLong("bench.mixed.think", 200);

	static final List<String> SSO_PEOPLE = List.of("ada.lovelace@acme.test", "grace.hopper@acme.test",
			"alan.turing@acme.test", "katherine.johnson@acme.test", "edsger.dijkstra@acme.test");

	/** Time a worker spent waiting for a person with an unused code: not part of any sign-in. */
	static final ThreadLocal<long[]> WAITED = ThreadLocal.withInitial(() -> new long[1]);

	@LocalServerPort
	int port;

	@Autowired
	Accounts accounts;

	@Autowired
	Passwords passwords;

	@Test
	void mixedSignInsForAMinute() throws Exception {
		String hash = passwords.hash(PASSWORD);
		accounts.createLocalUser("load.password@example.test", "Load", "Password", hash, List.of());
		List<String> totpPeople = new ArrayList<>();
		Map<String, String> secrets = new ConcurrentHashMap<>();
		for (int i = 0; i < TOTP_PEOPLE; i++) {
			String email = "load.totp" + i + "@example.test";
			accounts.createLocalUser(email, "Load", "Totp", hash, List.of());
			TestBrowser browser = SignedInAs.password(port, email, PASSWORD);
			Page enrol = browser.get("/accounts/enroll-totp");
			String secret = enrol.find("id=\"totp-secret\">([A-Z2-7]+)<").orElseThrow();
			assertThat(browser.submit(enrol, "/accounts/enroll-totp", Map.of("code", TotpCodes.code(secret, -1))).status())
				.isEqualTo(302);
			secrets.put(email, secret);
			totpPeople.add(email);
		}
		accounts.createLocalUser("load.probe@example.test", "Load", "Probe", hash, List.of());
		TestBrowser probe = SignedInAs.password(port, "load.probe@example.test", PASSWORD);

		Map<String, AtomicInteger> done = new ConcurrentHashMap<>();
		Map<String, ConcurrentLinkedQueue<Long>> latencies = new ConcurrentHashMap<>();
		ConcurrentLinkedQueue<String> errors = new ConcurrentLinkedQueue<>();
		long end = System.nanoTime() + SECONDS * 1_000_000_000L;
		ExecutorService workers = Executors.newFixedThreadPool(7);
		Map<String, Long> lastStep = new ConcurrentHashMap<>();
		for (int w = 0; w < 2; w++) {
			workers.submit(() -> loop(end, "sso", done, latencies, errors, () -> {
				String email = SSO_PEOPLE.get((int) (System.nanoTime() % SSO_PEOPLE.size()));
				TestBrowser browser = new TestBrowser(port);
				Page landed = new SsoJourney(browser).signIn(email, "");
				return landed.isRedirect() && landed.location().endsWith("/account") ? null : "sso landed on " + landed.status();
			}));
			workers.submit(() -> loop(end, "password", done, latencies, errors, () -> {
				Page answer = passwordStep(new TestBrowser(port), "load.password@example.test");
				return answer.status() == 302 && answer.location().endsWith("/account") ? null : "password " + answer.status();
			}));
			workers.submit(() -> loop(end, "password+totp", done, latencies, errors, () -> {
				// Each code works once: every person signs in at most once per 30-second step.
				String email = nextWithFreshCode(totpPeople, lastStep);
				TestBrowser browser = new TestBrowser(port);
				Page toVerify = passwordStep(browser, email);
				if (toVerify.status() != 302 || !toVerify.location().endsWith("/accounts/verify")) {
					return "totp password step " + toVerify.status();
				}
				Page verify = browser.get(toVerify.location());
				Page answer = browser.submit(verify, "/accounts/verify", Map.of("code", TotpCodes.code(secrets.get(email), 0)));
				return answer.status() == 302 && answer.location().endsWith("/account") ? null : "totp code " + answer.status();
			}));
		}
		workers.submit(() -> {
			while (System.nanoTime() < end) {
				for (String page : List.of("/accounts/login", "/account")) {
					long t0 = System.nanoTime();
					Page answer = probe.get(page);
					latencies.computeIfAbsent("page " + page, k -> new ConcurrentLinkedQueue<>()).add(System.nanoTime() - t0);
					if (answer.status() != 200) {
						errors.add("probe " + page + " " + answer.status());
					}
				}
				sleep(100);
			}
		});
		workers.shutdown();
		workers.awaitTermination(SECONDS + 60, java.util.concurrent.TimeUnit.SECONDS);

		for (Map.Entry<String, ConcurrentLinkedQueue<Long>> entry : latencies.entrySet()) {
			long[] samples = entry.getValue().stream().mapToLong(Long::longValue).toArray();
			AtomicInteger count = done.get(entry.getKey());
			String rate = count == null ? "" : String.format(" = %.1f sign-ins/s", count.get() / (double) SECONDS);
			System.out.println("BENCH mixed load " + SECONDS + " s, " + entry.getKey() + ": " + Stats.of(samples, samples.length) + rate);
		}
		System.out.println("BENCH mixed load errors: " + errors.size() + (errors.isEmpty() ? "" : " " + errors.stream().limit(5).toList()));
		assertThat(errors).isEmpty();
	}

	private static void loop(long end, String name, Map<String, AtomicInteger> done,
			Map<String, ConcurrentLinkedQueue<Long>> latencies, ConcurrentLinkedQueue<String> errors,
			java.util.concurrent.Callable<String> signIn) {
		while (System.nanoTime() < end) {
			WAITED.get()[0] = 0;
			long t0 = System.nanoTime();
			try {
				String error = signIn.call();
				if (error != null) {
					errors.add(error);
					continue;
				}
			}
			catch (Exception | AssertionError e) {
				errors.add(name + ": " + e);
				continue;
			}
			latencies.computeIfAbsent(name, k -> new ConcurrentLinkedQueue<>()).add(System.nanoTime() - t0 - WAITED.get()[0]);
			done.computeIfAbsent(name, k -> new AtomicInteger()).incrementAndGet();
			sleep(THINK_MILLIS);
		}
	}

	/** A person whose code of this 30-second step is still unused (waits for the next step if there is none). */
	private static String nextWithFreshCode(List<String> people, Map<String, Long> lastStep) {
		long t0 = System.nanoTime();
		try {
			return freshCodePerson(people, lastStep);
		}
		finally {
			WAITED.get()[0] += System.nanoTime() - t0;
		}
	}

	private static synchronized String freshCodePerson(List<String> people, Map<String, Long> lastStep) {
		while (true) {
			long step = System.currentTimeMillis() / 30_000;
			for (String email : people) {
				if (lastStep.getOrDefault(email, -1L) < step) {
					lastStep.put(email, step);
					return email;
				}
			}
			sleep(200);
		}
	}

	private static Page passwordStep(TestBrowser browser, String email) {
		Page step = browser.get(new SsoJourney(browser).identify(email, "").location());
		return browser.submit(step, "/accounts/login/password", Map.of("password", PASSWORD));
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

}
