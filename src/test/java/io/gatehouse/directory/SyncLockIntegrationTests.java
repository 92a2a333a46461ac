package io.gatehouse.directory;

import java.time.Duration;

import io.gatehouse.support.GatehouseIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The lease that lets one instance sync at a time: a second instance (another {@link SyncLock}, as another process
 * would have) cannot take it while it is held, can once it is released, and can take over one that ran out.
 */
@GatehouseIntegrationTest
class SyncLockIntegrationTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DirectoryMirror mirror;

	@Test
	void oneInstanceAtATime() {
		SyncLock instanceA = new SyncLock(jdbc, mirror);
		SyncLock instanceB = new SyncLock(jdbc, mirror);

		assertThat(instanceA.acquire("lock-test", Duration.ofMinutes(2))).isTrue();
		assertThat(instanceB.acquire("lock-test", Duration.ofMinutes(2))).isFalse();
		assertThat(instanceA.acquire("lock-test", Duration.ofMinutes(2))).as("the holder renews").isTrue();
		assertThat(instanceB.held("lock-test")).isTrue();

		instanceA.release("lock-test");
		assertThat(instanceB.acquire("lock-test", Duration.ofMinutes(2))).isTrue();
		assertThat(instanceA.acquire("lock-test", Duration.ofMinutes(2))).isFalse();
	}

	@Test
	void aLeaseThatRanOutCanBeTakenOver() {
		SyncLock crashed = new SyncLock(jdbc, mirror);
		SyncLock survivor = new SyncLock(jdbc, mirror);

		assertThat(crashed.acquire("lease-test", Duration.ofMillis(-1))).isTrue();

		assertThat(survivor.acquire("lease-test", Duration.ofMinutes(2))).isTrue();
	}

}
