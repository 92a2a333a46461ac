package io.gatehouse.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import io.gatehouse.account.AccountFacts;
import io.gatehouse.account.Accounts;
import io.gatehouse.rules.JitMode;
import io.gatehouse.rules.LoginMethod;
import io.gatehouse.rules.LoginRules;
import io.gatehouse.rules.RuleDraft;
import io.gatehouse.rules.UserFacts;
import io.gatehouse.support.GatehouseIntegrationTest;
import io.gatehouse.support.Stats;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rule resolution as step 1 of the login page does it, with 200 rules and 100,000 users in the database: find the
 * account by email, then resolve its rule. Target (DESIGN section 10): p99 under 1 ms.
 */
@GatehouseIntegrationTest
@Tag("benchmark")
@TestPropertySource(properties = "spring.application.name=gatehouse-rule-benchmark")
class RuleResolutionBenchmark {

	static final int USERS = 100_000;

	static final int RULES = 200;

	static final int SAMPLES = 200_000;

	@Autowired
	LoginRules rules;

	@Autowired
	Accounts accounts;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void resolveTheRuleOfRandomUsers() {
		seedRules();
		seedUsers();
		Random random = new Random(42);
		long[] lookupAndResolve = new long[SAMPLES];
		long[] resolveOnly = new long[SAMPLES];
		List<UserFacts> facts = new ArrayList<>();
		for (int i = 0; i < 2_000; i++) {
			AccountFacts account = accounts.findForLogin(email(random.nextInt(USERS)), true, true).orElseThrow();
			facts.add(new UserFacts(account.email(), true, false, false, false, account.groups(), java.util.Set.of(), null,
					null));
		}
		for (int warm = 0; warm < 50_000; warm++) {
			rules.forUser(facts.get(warm % facts.size()));
		}
		int matched = 0;
		for (int i = 0; i < SAMPLES; i++) {
			UserFacts user = facts.get(random.nextInt(facts.size()));
			long t0 = System.nanoTime();
			matched += rules.forUser(user).isPresent() ? 1 : 0;
			resolveOnly[i] = System.nanoTime() - t0;
		}
		int lookups = 20_000;
		for (int i = 0; i < lookups; i++) {
			String email = email(random.nextInt(USERS));
			long t0 = System.nanoTime();
			AccountFacts account = accounts.findForLogin(email, true, true).orElseThrow();
			rules.forUser(new UserFacts(account.email(), true, false, false, false, account.groups(), java.util.Set.of(),
					null, null));
			lookupAndResolve[i] = System.nanoTime() - t0;
		}
		System.out.println("BENCH rule resolution, " + RULES + " rules, in memory:        " + Stats.of(resolveOnly, SAMPLES));
		System.out.println("BENCH account lookup + rule resolution, " + USERS + " users: " + Stats.of(lookupAndResolve, lookups));
		assertThat(matched).isEqualTo(SAMPLES);
	}

	/**
	 * 200 specific rules (patterns of other domains, group lookups) ahead of the demo's catch-all password rule
	 * (priority 1000), so every bench user is checked against all of them: the worst case.
	 */
	private void seedRules() {
		for (int i = 0; i < RULES; i++) {
			String pattern = i % 2 == 0 ? "@tenant" + i + "\\.example$" : null;
			String lookup = i % 2 == 1 ? "{\"groups\": [\"team-" + i + "\"], \"is_admin\": false}" : null;
			assertThat(rules.save(null, RuleDraft.of("bench rule " + i, LoginMethod.PASSWORD, 101 + 4 * i, true, pattern,
					lookup, null, null, JitMode.OFF, null, null, false, null, false), "bench").saved()).isTrue();
		}
	}

	private void seedUsers() {
		List<Object[]> batch = new ArrayList<>();
		for (int i = 0; i < USERS; i++) {
			batch.add(new Object[] { email(i), email(i) });
			if (batch.size() == 5_000) {
				insert(batch);
			}
		}
		insert(batch);
	}

	private void insert(List<Object[]> batch) {
		jdbc.batchUpdate("insert into users (email, email_normalized, created_at) values (?, ?, current_timestamp)", batch);
		batch.clear();
	}

	private static String email(int i) {
		return "user" + i + "@bench.example";
	}

}
