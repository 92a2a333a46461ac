package io.gatehouse.mfa;

import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.gatehouse.account.Accounts;
import io.gatehouse.secrets.Secrets;
import io.gatehouse.support.GatehouseIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Recovery codes: 80 random bits each, stored as an HMAC under this install's key, each usable once. */
@GatehouseIntegrationTest
class RecoveryCodesIntegrationTests {

	/** Crockford's base32: 32 symbols, 5 bits each. */
	static final String BASE32 = "0123456789abcdefghjkmnpqrstvwxyz";

	static final String CODE = "[" + BASE32 + "]{4}-[" + BASE32 + "]{4}-[" + BASE32 + "]{4}-[" + BASE32 + "]{4}";

	@Autowired
	RecoveryCodes codes;

	@Autowired
	Accounts accounts;

	@Autowired
	JdbcClient jdbc;

	long newUser(String email) {
		return accounts.createLocalUser(email, null, null, null, List.of());
	}

	@Test
	void regenerateWhenCalledThenTenDistinctCodesOfAtLeastEightyBits() {
		long id = newUser("eighty.bits@example.test");
		Set<Character> symbols = new HashSet<>();
		Set<String> seen = new HashSet<>();

		for (int round = 0; round < 5; round++) {
			List<String> set = codes.regenerate(id);
			assertThat(set).hasSize(10).doesNotHaveDuplicates();
			for (String code : set) {
				assertThat(code).matches(CODE);
				assertThat(seen.add(code)).isTrue();
				code.replace("-", "").chars().forEach(c -> symbols.add((char) c));
			}
		}

		double bits = 16 * (Math.log(BASE32.length()) / Math.log(2));
		assertThat(bits).isGreaterThanOrEqualTo(80);
		assertThat(symbols).as("every symbol of the 32 is used (800 drawn)").hasSize(32);
	}

	@Test
	void regenerateWhenStoredThenNotThePlainSha256OfAnyCode() {
		long id = newUser("no.plain.hash@example.test");
		List<String> set = codes.regenerate(id);

		List<String> stored = jdbc.sql("select code_hash from recovery_codes where user_id = ?").param(id)
			.query(String.class).list();
		List<String> schemes = jdbc.sql("select hash_scheme from recovery_codes where user_id = ?").param(id)
			.query(String.class).list();

		assertThat(stored).hasSize(10);
		assertThat(schemes).containsOnly("hmac-sha256");
		for (String code : set) {
			assertThat(stored).doesNotContain(Secrets.sha256Hex(code), Secrets.sha256Hex(code.replace("-", "")),
					Secrets.sha256Hex(code.toUpperCase(Locale.ROOT)));
		}
		long other = newUser("same.codes.other.hash@example.test");
		codes.regenerate(other);
		assertThat(jdbc.sql("select count(*) from recovery_codes where user_id = ? and code_hash in (select code_hash from recovery_codes where user_id = ?)")
			.params(other, id).query(Long.class).single()).isZero();
	}

	@Test
	void useWhenTypedInAnyCaseWithOrWithoutSeparatorsThenWorksOnce() {
		long id = newUser("typist@example.test");
		List<String> set = codes.regenerate(id);
		String first = set.get(0);
		String second = set.get(1);
		String third = set.get(2);

		assertThat(codes.use(id, "typist@example.test", first.replace("-", "").toUpperCase(Locale.ROOT))).isTrue();
		assertThat(codes.use(id, "typist@example.test", first)).as("used up").isFalse();
		assertThat(codes.use(id, "typist@example.test", " " + second.replace("-", " ") + " ")).isTrue();
		// Crockford's look-alikes: O for 0, l or I for 1.
		assertThat(codes.use(id, "typist@example.test", third.replace('0', 'O').replace('1', 'l'))).isTrue();
		assertThat(codes.use(newUser("someone.else@example.test"), "someone.else@example.test", set.get(3)))
			.as("another person's code").isFalse();
		assertThat(codes.use(id, "typist@example.test", "not a code")).isFalse();
		assertThat(codes.remaining(id)).isEqualTo(7);
	}

	@Test
	void useWhenAnOldFormatCodeThenWorksOnceUntilANewSetIsMade() {
		long id = newUser("old.codes@example.test");
		storeOldCode(id, "abcde-fghjk");
		storeOldCode(id, "mnpqr-stuvw");

		assertThat(codes.use(id, "old.codes@example.test", "ABCDE FGHJK")).isTrue();
		assertThat(codes.use(id, "old.codes@example.test", "abcde-fghjk")).isFalse();
		codes.regenerate(id);
		assertThat(codes.use(id, "old.codes@example.test", "mnpqr-stuvw")).as("replaced by the new set").isFalse();
	}

	private void storeOldCode(long userId, String code) {
		jdbc.sql("insert into recovery_codes (user_id, code_hash, created_at) values (?, ?, ?)")
			.params(userId, Secrets.sha256Hex(code), OffsetDateTime.now())
			.update();
	}

}
