package io.gatehouse.support;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.springframework.jdbc.core.simple.JdbcClient;

import static io.gatehouse.support.SignedWebhooks.event;
import static io.gatehouse.support.SignedWebhooks.group;
import static io.gatehouse.support.SignedWebhooks.membership;
import static io.gatehouse.support.SignedWebhooks.user;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Three events about a person the mirror does not know yet (created; updated a second later; added to a new group),
 * delivered at the same moment, person after person: two first writes of one row race. Every delivery must be
 * accepted and the mirror must end with the newest version and the membership.
 */
public final class SimultaneousEvents {

	private SimultaneousEvents() {
	}

	/** Delivers the events through the given senders in turn (one app instance each, or one for all). */
	public static void deliverAndCheck(List<SignedWebhooks> senders, JdbcClient mirror, String directoryId,
			String organizationId, String prefix, int people) throws Exception {
		Instant t0 = Instant.now().minusSeconds(60);
		Map<String, Object> team = group("directory_group_" + prefix, directoryId, organizationId, prefix + " team", t0);
		ExecutorService pool = Executors.newFixedThreadPool(3);
		try {
			for (int i = 0; i < people; i++) {
				String id = "directory_user_" + prefix + "_" + i;
				String email = prefix + i + "@acme.test";
				Map<String, Object> created = user(id, directoryId, organizationId, email, "First", "Rush", "active", t0);
				Map<String, Object> updated = user(id, directoryId, organizationId, email, "Second", "Rush", "active",
						t0.plusSeconds(1));
				List<String> bodies = List.of(event("dsync.user.created", created, t0),
						event("dsync.user.updated", updated, t0.plusSeconds(1)),
						event("dsync.group.user_added", membership(created, team), t0.plusMillis(500)));
				CyclicBarrier together = new CyclicBarrier(bodies.size());
				List<Future<Integer>> statuses = new ArrayList<>();
				for (int e = 0; e < bodies.size(); e++) {
					String body = bodies.get(e);
					SignedWebhooks sender = senders.get((i + e) % senders.size());
					statuses.add(pool.submit(() -> {
						together.await();
						return sender.send(body);
					}));
				}
				for (Future<Integer> status : statuses) {
					assertThat(status.get()).as(id).isEqualTo(200);
				}
				assertThat(mirror.sql("select first_name from directory_users where id = ?").param(id).query(String.class)
					.single()).as(id).isEqualTo("Second");
				assertThat(mirror.sql("""
						select count(*) from directory_memberships where user_id = ? and group_id = ? and member""")
					.params(id, team.get("id"))
					.query(Long.class)
					.single()).as(id).isEqualTo(1);
			}
		}
		finally {
			pool.shutdown();
		}
	}

}
