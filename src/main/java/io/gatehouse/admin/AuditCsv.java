package io.gatehouse.admin;

import java.time.format.DateTimeFormatter;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.gatehouse.audit.AuditEntry;
import org.jspecify.annotations.Nullable;

/**
 * Audit entries as CSV (RFC 4180: CRLF line ends, fields with a comma, quote or line break quoted, quotes doubled).
 * Subjects, details and user agents come from outside (typed usernames, IdP profiles, request headers), so a cell that
 * a spreadsheet would read as a formula gets a leading apostrophe.
 */
final class AuditCsv {

	static final String HEADER = "id,occurred_at_utc,type,user_id,person,detail,ip,user_agent\r\n";

	private AuditCsv() {
	}

	static String row(AuditEntry entry) {
		return Stream
			.of(Long.toString(entry.id()), DateTimeFormatter.ISO_INSTANT.format(entry.occurredAt()), entry.type(),
					entry.userId() == null ? "" : entry.userId().toString(), entry.subject(), entry.detail(),
					entry.ip(), entry.userAgent())
			.map(AuditCsv::cell)
			.collect(Collectors.joining(",", "", "\r\n"));
	}

	static String cell(@Nullable String value) {
		if (value == null || value.isEmpty()) {
			return "";
		}
		String safe = startsLikeFormula(value) ? "'" + value : value;
		if (safe.indexOf(',') < 0 && safe.indexOf('"') < 0 && safe.indexOf('\r') < 0 && safe.indexOf('\n') < 0) {
			return safe;
		}
		return '"' + safe.replace("\"", "\"\"") + '"';
	}

	private static boolean startsLikeFormula(String value) {
		char first = value.charAt(0);
		return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
	}

}
