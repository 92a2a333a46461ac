package io.gatehouse.admin;

import java.time.Instant;

import io.gatehouse.audit.AuditEntry;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AuditCsvTests {

	@Test
	void writesOneCrlfTerminatedLinePerEntryWithEmptyCellsForMissingValues() {
		AuditEntry entry = new AuditEntry(7, Instant.parse("2025-03-04T05:06:07Z"), "login.failed", null, "ada@acme.test",
				"method=password reason=wrong_password", null, null);

		assertThat(AuditCsv.row(entry))
			.isEqualTo("7,2025-03-04T05:06:07Z,login.failed,,ada@acme.test,method=password reason=wrong_password,,\r\n");
	}

	@Nested
	class Quoting {

		@Test
		void quotesCellsWithCommasQuotesOrLineBreaks() {
			assertThat(AuditCsv.cell("a,b")).isEqualTo("\"a,b\"");
			assertThat(AuditCsv.cell("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
			assertThat(AuditCsv.cell("two\nlines")).isEqualTo("\"two\nlines\"");
			assertThat(AuditCsv.cell("plain text")).isEqualTo("plain text");
			assertThat(AuditCsv.cell(null)).isEmpty();
		}

		@Test
		void neutralisesCellsThatASpreadsheetWouldReadAsAFormula() {
			assertThat(AuditCsv.cell("=1+1")).isEqualTo("'=1+1");
			assertThat(AuditCsv.cell("+1")).isEqualTo("'+1");
			assertThat(AuditCsv.cell("-1")).isEqualTo("'-1");
			assertThat(AuditCsv.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
			assertThat(AuditCsv.cell("\tx")).isEqualTo("'\tx");
			assertThat(AuditCsv.cell("\rx")).isEqualTo("\"'\rx\"");
			assertThat(AuditCsv.cell("=HYPERLINK(\"x\",\"y\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\",\"\"y\"\")\"");
			assertThat(AuditCsv.cell("a=b")).isEqualTo("a=b");
		}

	}

}
