package io.gatehouse.directory;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.gatehouse.account.DirectoryStanding;
import io.gatehouse.workos.DirectoryInfo;
import io.gatehouse.workos.DirectoryPerson;
import io.gatehouse.workos.DirectoryTeam;
import io.gatehouse.workos.DirectoryUsersPage;
import io.gatehouse.workos.WorkOs;
import io.gatehouse.workos.WorkOsException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The full sync: every directory's groups, then its users page by page through the SDK. Each page's cursor is
 * recorded, so a sync that stopped (a crash, WorkOS failing) goes on from where it was; requests are paced to stay
 * under WorkOS's rate limit; when a directory is done, whatever the sync did not see is marked deleted. One instance
 * syncs at a time (a database lease).
 */
@Component
class FullSync implements DisposableBean {

	static final String LOCK = "directory-full-sync";

	private static final Duration LEASE = Duration.ofMinutes(2);

	private static final Logger log = LoggerFactory.getLogger(FullSync.class);

	private final WorkOs workos;

	private final DirectoryMirror mirror;

	private final Lifecycle lifecycle;

	private final DirectoryStanding standing;

	private final SyncLock lock;

	private final JdbcClient jdbc;

	private final Pacer pacer;

	private final TransactionTemplate transactions;

	/** Requests WorkOS refused with 429 and that were tried again: zero when the pacing is right. */
	private final java.util.concurrent.atomic.AtomicInteger rateLimited = new java.util.concurrent.atomic.AtomicInteger();

	private final ExecutorService background = Executors.newSingleThreadExecutor(r -> daemon(r, "directory-sync"));

	private final ExecutorService fetcher = Executors.newSingleThreadExecutor(r -> daemon(r, "directory-sync-fetch"));

	FullSync(WorkOs workos, DirectoryMirror mirror, Lifecycle lifecycle, DirectoryStanding standing, SyncLock lock,
			JdbcClient jdbc, DirectorySettings settings, PlatformTransactionManager transactionManager) {
		this.standing = standing;
		this.workos = workos;
		this.mirror = mirror;
		this.lifecycle = lifecycle;
		this.lock = lock;
		this.jdbc = jdbc;
		this.pacer = new Pacer(settings.requestsPerSecond());
		this.transactions = new TransactionTemplate(transactionManager);
	}

	/** Starts a sync of every directory in the background; false if one is already running (on any instance). */
	boolean start() {
		if (!lock.acquire(LOCK, LEASE)) {
			return false;
		}
		background.execute(() -> {
			try {
				syncAllLocked();
			}
			catch (RuntimeException e) {
				log.warn("Directory sync stopped: {}", e.getMessage());
			}
			finally {
				lock.release(LOCK);
			}
		});
		return true;
	}

	/**
	 * Syncs every directory now, in this thread.
	 * @return how many users were synced in all, or -1 if another instance is syncing
	 * @throws WorkOsException if WorkOS fails; the sync goes on from there next time
	 */
	int syncAll() {
		if (!lock.acquire(LOCK, LEASE)) {
			return -1;
		}
		try {
			return syncAllLocked();
		}
		finally {
			lock.release(LOCK);
		}
	}

	int rateLimitedRequests() {
		return rateLimited.get();
	}

	boolean running() {
		return lock.held(LOCK);
	}

	private int syncAllLocked() {
		List<DirectoryInfo> directories = workos.directories();
		directories.forEach(mirror::upsertDirectory);
		int total = 0;
		for (DirectoryInfo directory : directories) {
			total += sync(directory.id());
		}
		return total;
	}

	/** Syncs one directory, going on from its recorded cursor if an earlier sync stopped halfway. */
	private int sync(String directoryId) {
		Progress progress = jdbc.sql("select sync_started_at, sync_cursor, synced_users from directories where id = ?")
			.param(directoryId)
			.query((rs, i) -> new Progress(rs.getObject("sync_started_at", OffsetDateTime.class),
					rs.getString("sync_cursor"), rs.getInt("synced_users")))
			.single();
		OffsetDateTime started = progress.startedAt();
		String cursor = progress.cursor();
		int done = progress.synced();
		if (started == null || cursor == null) {
			started = mirror.now();
			cursor = null;
			done = 0;
			jdbc.sql("update directories set sync_started_at = ?, sync_cursor = null, synced_users = 0, last_error = null where id = ?")
				.params(started, directoryId)
				.update();
			for (DirectoryTeam group : paced(directoryId + " groups", () -> workos.directoryGroups(directoryId))) {
				mirror.writeGroup(group, false, group.updatedAt());
			}
		}
		else {
			log.info("Directory {}: going on with the sync started at {} after {} users", directoryId, started, done);
		}
		try {
			// The next page is fetched while this one is written: WorkOS and the database work side by side.
			String first = cursor;
			Future<FetchedPage> ahead = fetcher.submit(() -> fetch(directoryId, first));
			while (true) {
				FetchedPage fetched = await(ahead);
				String next = fetched.page().after();
				ahead = next != null ? fetcher.submit(() -> fetch(directoryId, next)) : null;
				done += fetched.page().users().size();
				int synced = done;
				// A page and its cursor commit together: after a crash the sync goes on with the next page.
				transactions.executeWithoutResult(status -> {
					store(fetched.page().users(), fetched.at());
					jdbc.sql("update directories set synced_users = ?, sync_cursor = ?, last_error = null where id = ?")
						.params(synced, next, directoryId)
						.update();
				});
				lock.acquire(LOCK, LEASE);
				if (next == null) {
					break;
				}
			}
		}
		catch (WorkOsException e) {
			jdbc.sql("update directories set last_error = ? where id = ?")
				.params("Sync stopped after " + done + " users: " + e.reason() + "; it goes on from there next time", directoryId)
				.update();
			throw e;
		}
		for (String gone : mirror.sweep(directoryId, started)) {
			lifecycle.follow(gone);
		}
		jdbc.sql("""
				update directories set last_full_sync_at = ?, synced_users = ?, sync_cursor = null, sync_started_at = null,
				    last_error = null where id = ?""").params(mirror.now(), done, directoryId).update();
		return done;
	}

	/** Writes a page of users and their memberships, and makes the accounts of the people among them follow. */
	private void store(List<DirectoryPerson> people, OffsetDateTime fetched) {
		List<DirectoryPerson> written = mirror.writeUsers(people);
		mirror.replaceMemberships(written, fetched);
		Set<String> follow = new HashSet<>(mirror.linked(written.stream().map(DirectoryPerson::id).toList()));
		Set<String> withAccounts = standing.existingEmails(written.stream().map(DirectoryPerson::email).toList());
		for (DirectoryPerson person : written) {
			if (person.email() != null && withAccounts.contains(person.email().toLowerCase(Locale.ROOT))) {
				follow.add(person.id());
			}
		}
		follow.forEach(lifecycle::follow);
	}

	/** One page of users, with the time it was asked for (memberships it lists hold as of then). */
	private record FetchedPage(DirectoryUsersPage page, OffsetDateTime at) {
	}

	private FetchedPage fetch(String directoryId, @Nullable String after) {
		OffsetDateTime at = mirror.now();
		return new FetchedPage(paced(directoryId, () -> workos.directoryUsers(directoryId, after)), at);
	}

	private static FetchedPage await(Future<FetchedPage> page) {
		try {
			return page.get();
		}
		catch (ExecutionException e) {
			if (e.getCause() instanceof RuntimeException failure) {
				throw failure;
			}
			throw new IllegalStateException(e.getCause());
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted", e);
		}
	}

	/** Waits for the pace, then calls; a 429 that slips through waits a second and tries again. */
	private <T> T paced(String directoryId, java.util.function.Supplier<T> call) {
		for (int attempt = 1;; attempt++) {
			pacer.await(directoryId);
			try {
				return call.get();
			}
			catch (WorkOsException e) {
				if (e.reason() != WorkOsException.Reason.RATE_LIMITED || attempt >= 5) {
					throw e;
				}
				rateLimited.incrementAndGet();
				sleep(1000);
			}
		}
	}

	static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted", e);
		}
	}

	@Override
	public void destroy() {
		background.shutdownNow();
		fetcher.shutdownNow();
	}

	private static Thread daemon(Runnable runnable, String name) {
		Thread thread = new Thread(runnable, name);
		thread.setDaemon(true);
		return thread;
	}

	private record Progress(@Nullable OffsetDateTime startedAt, @Nullable String cursor, int synced) {
	}

	/** Spaces requests to one directory at least 1/n seconds apart, so at most n fall in any one second. */
	static final class Pacer {

		private final long intervalNanos;

		private final java.util.Map<String, Long> last = new java.util.concurrent.ConcurrentHashMap<>();

		Pacer(int perSecond) {
			this.intervalNanos = perSecond <= 0 ? 0 : 1_000_000_000L / perSecond + 1_000_000L;
		}

		void await(String key) {
			if (intervalNanos == 0) {
				return;
			}
			Long previous = last.get(key);
			if (previous != null) {
				long wait = previous + intervalNanos - System.nanoTime();
				if (wait > 0) {
					sleep(wait / 1_000_000 + 1);
				}
			}
			last.put(key, System.nanoTime());
		}

	}

}
