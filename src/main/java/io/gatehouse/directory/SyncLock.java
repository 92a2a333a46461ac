package io.gatehouse.directory;

import java.time.Duration;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Named leases in the database, so that when several instances run, one of them does a given piece of work (a full
 * sync, the events catch-up) and the others skip it. A lease that is not renewed runs out, so a crashed instance
 * never blocks the others for long.
 */
@Component
class SyncLock {

	private final JdbcClient jdbc;

	private final DirectoryMirror mirror;

	/** This instance, as lock owner. */
	private final String owner = UUID.randomUUID().toString();

	SyncLock(JdbcClient jdbc, DirectoryMirror mirror) {
		this.jdbc = jdbc;
		this.mirror = mirror;
	}

	/** Takes (or renews) the lease; false if another instance holds it. */
	boolean acquire(String name, Duration lease) {
		jdbc.sql("insert into sync_locks (name) values (?) on conflict do nothing").param(name).update();
		return jdbc.sql("""
				update sync_locks set owner = ?, locked_until = ?
				where name = ? and (owner is null or owner = ? or locked_until is null or locked_until < ?)""")
			.params(owner, mirror.now().plus(lease), name, owner, mirror.now())
			.update() == 1;
	}

	void release(String name) {
		jdbc.sql("update sync_locks set owner = null, locked_until = null where name = ? and owner = ?")
			.params(name, owner)
			.update();
	}

	/** Whether any instance holds the lease now. */
	boolean held(String name) {
		return jdbc.sql("select count(*) from sync_locks where name = ? and locked_until >= ?")
			.params(name, mirror.now())
			.query(Long.class)
			.single() > 0;
	}

}
