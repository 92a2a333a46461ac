package io.gatehouse.account;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The accounts and organisations local mode seeded (demo people, the generated administrator, the emulator's
 * organisations), marked as demo data so that connected mode can refuse to start on them or remove them.
 */
@Service
public class LocalModeData {

	/** What a database holds of local mode's seeds. */
	public record Seeds(List<String> accounts, int organizations) {

		public boolean isEmpty() {
			return accounts.isEmpty() && organizations == 0;
		}

	}

	private final JdbcClient jdbc;

	private final UserSessions sessions;

	LocalModeData(JdbcClient jdbc, UserSessions sessions) {
		this.jdbc = jdbc;
		this.sessions = sessions;
	}

	@Transactional
	public void markAccount(long userId) {
		jdbc.sql("update users set demo = true where id = ?").param(userId).update();
	}

	@Transactional
	public void markOrganization(String workosId) {
		jdbc.sql("update organizations set demo = true where workos_id = ?").param(workosId).update();
	}

	@Transactional(readOnly = true)
	public Seeds seeds() {
		List<String> accounts = jdbc.sql("select email from users where demo order by email").query(String.class).list();
		int organizations = jdbc.sql("select count(*) from organizations where demo").query(Integer.class).single();
		return new Seeds(accounts, organizations);
	}

	/**
	 * Deletes the demo accounts (with their links, factors and codes) and ends their sessions, then the demo
	 * organisations (accounts of theirs that are not demo data stay, without an organisation).
	 */
	@Transactional
	public Seeds remove() {
		Seeds seeds = seeds();
		for (long id : jdbc.sql("select id from users where demo").query(Long.class).list()) {
			sessions.endAll(id);
		}
		jdbc.sql("delete from users where demo").update();
		jdbc.sql("update users set organization_id = null where organization_id in (select id from organizations where demo)")
			.update();
		jdbc.sql("delete from organizations where demo").update();
		return seeds;
	}

}
