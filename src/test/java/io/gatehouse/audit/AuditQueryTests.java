package io.gatehouse.audit;

import java.time.LocalDate;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AuditQueryTests {

	@Test
	void readsBlankValuesAsAny() {
		AuditQuery.Parsed parsed = AuditQuery.parse(" ", "", null, "  ");

		assertThat(parsed.valid()).isTrue();
		assertThat(parsed.query()).isEqualTo(AuditQuery.ALL);
	}

	@Test
	void readsKnownTypesPrefixesAndIsoDates() {
		AuditQuery.Parsed parsed = AuditQuery.parse(" ada@acme.test ", "LOGIN.*", "2025-01-02", "2025-01-31");

		assertThat(parsed.errors()).isEmpty();
		assertThat(parsed.query()).isEqualTo(
				new AuditQuery("ada@acme.test", "login.", LocalDate.of(2025, 1, 2), LocalDate.of(2025, 1, 31)));
		assertThat(parsed.query().typeIsPrefix()).isTrue();
		assertThat(AuditQuery.parse(null, "factor.reset", null, null).query().typeIsPrefix()).isFalse();
	}

	@Test
	void readsDigitsAsAUserIdToo() {
		assertThat(AuditQuery.parse("42", null, null, null).query().personAsUserId()).isEqualTo(42L);
		assertThat(AuditQuery.parse("ada42", null, null, null).query().personAsUserId()).isNull();
	}

	@Test
	void everyTypePrefixGroupsSeveralTypes() {
		assertThat(AuditLog.TYPE_PREFIXES).contains("login.", "factor.", "rule.", "user.").doesNotContain("webhook.");
	}

	@Nested
	class Rejects {

		@Test
		void unknownTypesAndPrefixes() {
			assertThat(AuditQuery.parse(null, "login.maybe", null, null).errors()).containsKey("type");
			assertThat(AuditQuery.parse(null, "nothing.", null, null).errors()).containsKey("type");
			assertThat(AuditQuery.parse(null, "%", null, null).errors()).containsKey("type");
		}

		@Test
		void datesThatAreNotIsoDaysOrOutOfRange() {
			assertThat(AuditQuery.parse(null, null, "2025-1-2", null).errors()).containsEntry("from", "admin.audit.date.invalid");
			assertThat(AuditQuery.parse(null, null, null, "31/01/2025").errors()).containsEntry("to", "admin.audit.date.invalid");
			assertThat(AuditQuery.parse(null, null, "+999999999-12-31", null).errors())
				.containsEntry("from", "admin.audit.date.out-of-range");
		}

		@Test
		void anEndBeforeTheStart() {
			AuditQuery.Parsed parsed = AuditQuery.parse(null, null, "2025-02-02", "2025-02-01");

			assertThat(parsed.errors()).containsEntry("to", "admin.audit.date.before-from");
			assertThat(parsed.query().to()).isNull();
		}

		@Test
		void aPersonLongerThanAnEmailCanBe() {
			assertThat(AuditQuery.parse("x".repeat(321), null, null, null).errors()).containsKey("person");
		}

	}

}
