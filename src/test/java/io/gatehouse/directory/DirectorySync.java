package io.gatehouse.directory;

import java.util.HashSet;
import java.util.Set;

import io.gatehouse.support.TestBrowser;
import io.gatehouse.support.TestBrowser.Page;
import io.gatehouse.workos.DirectoryPerson;
import io.gatehouse.workos.DirectoryTeam;
import io.gatehouse.workos.DirectoryUsersPage;
import io.gatehouse.workos.WorkOs;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Helpers of the directory tests: wait for a sync through the dashboard, and compare the mirror with WorkOS. */
final class DirectorySync {

	private DirectorySync() {
	}

	/** Polls the dashboard's progress until no sync runs, then returns the directories page. */
	static Page awaitDone(TestBrowser admin) {
		long deadline = System.currentTimeMillis() + 60_000;
		while (System.currentTimeMillis() < deadline) {
			Page progress = admin.get("/directories/progress", "application/json");
			assertThat(progress.status()).isEqualTo(200);
			if (progress.body().contains("\"running\":false")) {
				return admin.get("/directories");
			}
			sleep(100);
		}
		throw new AssertionError("The sync did not finish within a minute");
	}

	/** Every user of a directory as WorkOS lists them: id, email, names, state and group names. */
	static Set<String> sourceOf(WorkOs workos, String directoryId) {
		Set<String> users = new HashSet<>();
		String after = null;
		do {
			DirectoryUsersPage page = workos.directoryUsers(directoryId, after);
			for (DirectoryPerson p : page.users()) {
				users.add(p.id() + "|" + p.email() + "|" + p.firstName() + "|" + p.lastName() + "|" + p.state() + "|"
						+ String.join(", ", p.groups().stream().map(DirectoryTeam::name).sorted().toList()));
			}
			after = page.after();
		}
		while (after != null);
		return users;
	}

	/** The same, as the mirror holds them (deleted users left out). */
	static Set<String> mirrorOf(JdbcClient jdbc, String directoryId) {
		return new HashSet<>(jdbc.sql("""
				select id, email, first_name, last_name, state from directory_users
				where directory_id = ? and not deleted""")
			.param(directoryId)
			.query((rs, i) -> rs.getString("id") + "|" + rs.getString("email") + "|" + rs.getString("first_name") + "|"
					+ rs.getString("last_name") + "|" + rs.getString("state") + "|" + groupsOf(jdbc, rs.getString("id")))
			.list());
	}

	/** A mirrored user's live groups, by name, as the dashboard shows them. */
	static String groupsOf(JdbcClient jdbc, String userId) {
		return String.join(", ", jdbc.sql("""
				select g.name from directory_memberships m join directory_groups g on g.id = m.group_id
				where m.user_id = ? and m.member and not g.deleted""")
			.param(userId)
			.query(String.class)
			.list()
			.stream()
			.sorted()
			.toList());
	}

	static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

}
