package io.gatehouse.secrets;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.gatehouse.support.GatehouseIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

import static org.assertj.core.api.Assertions.assertThat;

/** This install's keys: random, made once, the same for every instance, even when two ask at the same moment. */
@GatehouseIntegrationTest
class ServerKeysIntegrationTests {

	@Autowired
	ServerKeys keys;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	@Test
	void keyWhenAskedTwiceThenTheSame256RandomBits() {
		byte[] first = keys.key("test-same");

		assertThat(first).hasSize(32);
		assertThat(keys.key("test-same")).isEqualTo(first);
		assertThat(new ServerKeys(jdbc, transactions, Optional.empty()).key("test-same")).as("a restart").isEqualTo(first);
		assertThat(keys.key("test-other")).isNotEqualTo(first);
	}

	@Test
	void keyWhenEightInstancesAskAtOnceThenAllGetTheOneStoredFirst() throws Exception {
		int instances = 8;
		CyclicBarrier start = new CyclicBarrier(instances);
		ExecutorService pool = Executors.newFixedThreadPool(instances);
		try {
			List<Future<byte[]>> answers = new ArrayList<>();
			for (int i = 0; i < instances; i++) {
				ServerKeys instance = new ServerKeys(jdbc, transactions, Optional.empty());
				answers.add(pool.submit(() -> {
					start.await(10, TimeUnit.SECONDS);
					return instance.key("test-race");
				}));
			}
			byte[] first = answers.get(0).get(20, TimeUnit.SECONDS);
			for (Future<byte[]> answer : answers) {
				assertThat(answer.get(20, TimeUnit.SECONDS)).isEqualTo(first);
			}
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(jdbc.sql("select count(*) from server_keys where name = 'test-race'").query(Long.class).single())
			.isEqualTo(1);
		assertThat(keys.key("test-race")).hasSize(32);
	}

}
