package io.gatehouse.audit;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Which entries of the audit log to read. Every part is optional; together they narrow.
 *
 * @param person a user id (digits), or text the entry's subject (an email) contains, ignoring case
 * @param type one of {@link AuditLog#TYPES}, or a prefix ending in a dot such as {@code login.}
 * @param from the first day, inclusive (UTC)
 * @param to the last day, inclusive (UTC)
 */
public record AuditQuery(@Nullable String person, @Nullable String type, @Nullable LocalDate from,
		@Nullable LocalDate to) {

	public static final AuditQuery ALL = new AuditQuery(null, null, null, null);

	static final int MAX_PERSON = 320;

	private static final int MIN_YEAR = 1970;

	private static final int MAX_YEAR = 9999;

	/**
	 * Reads typed filter values: blank means "any". Invalid values come back as error codes keyed by the parameter
	 * name ({@code person}, {@code type}, {@code from}, {@code to}), with a query that ignores them.
	 */
	public static Parsed parse(@Nullable String person, @Nullable String type, @Nullable String from,
			@Nullable String to) {
		Map<String, String> errors = new LinkedHashMap<>();
		String personValue = blankToNull(person);
		if (personValue != null && personValue.length() > MAX_PERSON) {
			errors.put("person", "admin.audit.person.too-long");
			personValue = null;
		}
		String typeValue = blankToNull(type);
		if (typeValue != null) {
			typeValue = typeValue.toLowerCase(Locale.ROOT);
			if (typeValue.endsWith("*")) {
				typeValue = typeValue.substring(0, typeValue.length() - 1);
			}
			if (!isKnownType(typeValue)) {
				errors.put("type", "admin.audit.type.unknown");
				typeValue = null;
			}
		}
		LocalDate fromDate = date("from", from, errors);
		LocalDate toDate = date("to", to, errors);
		if (fromDate != null && toDate != null && toDate.isBefore(fromDate)) {
			errors.put("to", "admin.audit.date.before-from");
			toDate = null;
		}
		return new Parsed(new AuditQuery(personValue, typeValue, fromDate, toDate), errors);
	}

	/** A known type, or a prefix (ending in a dot) of at least one known type. */
	static boolean isKnownType(String type) {
		if (type.endsWith(".")) {
			return AuditLog.TYPES.stream().anyMatch(t -> t.startsWith(type));
		}
		return AuditLog.TYPES.contains(type);
	}

	boolean typeIsPrefix() {
		return type != null && type.endsWith(".");
	}

	/** The person filter as a user id, when it is only digits. */
	@Nullable Long personAsUserId() {
		if (person == null || person.length() > 18 || !person.chars().allMatch(c -> c >= '0' && c <= '9')) {
			return null;
		}
		return Long.valueOf(person);
	}

	private static @Nullable LocalDate date(String field, @Nullable String value, Map<String, String> errors) {
		String text = blankToNull(value);
		if (text == null) {
			return null;
		}
		try {
			LocalDate date = LocalDate.parse(text);
			if (date.getYear() < MIN_YEAR || date.getYear() > MAX_YEAR) {
				errors.put(field, "admin.audit.date.out-of-range");
				return null;
			}
			return date;
		}
		catch (DateTimeParseException e) {
			errors.put(field, "admin.audit.date.invalid");
			return null;
		}
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return value == null || value.isBlank() ? null : value.trim();
	}

	/**
	 * Typed filter values, read.
	 *
	 * @param errors message codes keyed by parameter name; empty when every value was valid
	 */
	public record Parsed(AuditQuery query, Map<String, String> errors) {

		public boolean valid() {
			return errors.isEmpty();
		}

	}

}
