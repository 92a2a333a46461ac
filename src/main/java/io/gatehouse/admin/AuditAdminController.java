package io.gatehouse.admin;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

import io.gatehouse.account.SignedInUser;
import io.gatehouse.audit.AuditEntry;
import io.gatehouse.audit.AuditLog;
import io.gatehouse.audit.AuditPage;
import io.gatehouse.audit.AuditQuery;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/** The audit log for admins: filtered keyset pages, and the same filters as a CSV download. Read-only by design. */
@Controller
class AuditAdminController {

	static final int PAGE_SIZE = 50;

	static final String PATH = "/admin/audit";

	static final String CSV_PATH = "/admin/audit.csv";

	private static final int CSV_CHECK_EVERY = 1000;

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
		.withZone(ZoneOffset.UTC);

	/** The filters as typed: raw text, so any input binds and comes back as field errors. */
	record AuditFilterForm(@Nullable String person, @Nullable String type, @Nullable String from, @Nullable String to) {

		AuditQuery.Parsed parse() {
			return AuditQuery.parse(person, type, from, to);
		}

	}

	/** One row of the page. */
	record AuditRow(AuditEntry entry, String time) {
	}

	private final AuditLog audit;

	AuditAdminController(AuditLog audit) {
		this.audit = audit;
	}

	@GetMapping(PATH)
	String page(@ModelAttribute("filter") AuditFilterForm filter, BindingResult result,
			@RequestParam(required = false) @Nullable String before, Model model) {
		AuditQuery.Parsed parsed = filter.parse();
		parsed.errors().forEach(result::rejectValue);
		Long cursor = cursor(before);
		model.addAttribute("badCursor", before != null && !before.isBlank() && cursor == null);
		model.addAttribute("types", AuditLog.TYPES);
		model.addAttribute("prefixes", AuditLog.TYPE_PREFIXES);
		model.addAttribute("filtered", !AuditQuery.ALL.equals(parsed.query()) || !parsed.valid());
		model.addAttribute("csvLink", link(CSV_PATH, parsed.query(), null));
		if (result.hasErrors()) {
			model.addAttribute("rows", List.of());
			return "admin/audit";
		}
		AuditPage page = audit.search(parsed.query(), cursor, PAGE_SIZE);
		model.addAttribute("rows", page.entries().stream().map(e -> new AuditRow(e, TIME.format(e.occurredAt()))).toList());
		model.addAttribute("olderLink", page.olderThan() == null ? null : link(PATH, parsed.query(), page.olderThan()));
		model.addAttribute("newestLink", cursor == null ? null : link(PATH, parsed.query(), null));
		return "admin/audit";
	}

	/**
	 * The matching entries as CSV, streamed row by row (at most {@link AuditLog#EXPORT_LIMIT}); the export is itself
	 * audited. Invalid filters answer 400 rather than a file that silently ignores them.
	 */
	@GetMapping(CSV_PATH)
	void csv(@ModelAttribute("filter") AuditFilterForm filter, @AuthenticationPrincipal SignedInUser admin,
			HttpServletResponse response) throws IOException {
		AuditQuery.Parsed parsed = filter.parse();
		if (!parsed.valid()) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			response.setContentType("text/plain; charset=utf-8");
			response.getWriter().println("Invalid filter values: " + String.join(", ", parsed.errors().keySet()));
			return;
		}
		response.setContentType("text/csv; charset=utf-8");
		response.setHeader("Content-Disposition",
				"attachment; filename=\"gatehouse-audit-" + LocalDate.now(ZoneOffset.UTC) + ".csv\"");
		PrintWriter writer = response.getWriter();
		writer.write(AuditCsv.HEADER);
		int[] written = { 0 };
		audit.export(parsed.query(), admin.email(), entry -> {
			writer.write(AuditCsv.row(entry));
			// checkError() flushes, so ask now and then: a client that went away ends the query early
			if (++written[0] % CSV_CHECK_EVERY == 0 && writer.checkError()) {
				throw new UncheckedIOException(new IOException("The client stopped reading the audit export"));
			}
		});
		writer.flush();
	}

	private static @Nullable Long cursor(@Nullable String before) {
		if (before == null || before.isBlank() || before.length() > 18
				|| !before.chars().allMatch(c -> c >= '0' && c <= '9')) {
			return null;
		}
		return Long.valueOf(before);
	}

	/** A link keeping the valid filters, in their normal form. */
	private static String link(String path, AuditQuery query, @Nullable Long before) {
		UriComponentsBuilder link = UriComponentsBuilder.fromPath(path);
		if (query.person() != null) {
			link.queryParam("person", query.person());
		}
		if (query.type() != null) {
			link.queryParam("type", query.type());
		}
		if (query.from() != null) {
			link.queryParam("from", query.from().toString());
		}
		if (query.to() != null) {
			link.queryParam("to", query.to().toString());
		}
		if (before != null) {
			link.queryParam("before", before);
		}
		return link.encode().build().toUriString();
	}

}
