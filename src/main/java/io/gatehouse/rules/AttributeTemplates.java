package io.gatehouse.rules;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Saved attributes: values written to an account on JIT creation and, with auto-update, on later sign-ins. Values
 * may be templates over the provider's profile: {@code {{profile.first_name}}} and
 * {@code {{profile.raw_attributes.department}}} interpolate text; a whole value {@code ##profile.groups} takes the
 * raw typed value. Paths only: no expressions, no method calls. Nothing is HTML-escaped here (that belongs to output).
 */
public final class AttributeTemplates {

	/** The keys a rule may save. */
	public static final Set<String> KEYS = Set.of("username", "first_name", "last_name", "is_active", "is_admin",
			"groups", "attributes", "organization", "~organization", "!organization");

	/** Keys an organisation lookup may use. */
	public static final Set<String> ORGANIZATION_KEYS = Set.of("name", "workos_id", "domain");

	private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([^{}]*?)\\s*}}");

	private static final Pattern PATH = Pattern.compile("profile(\\.[A-Za-z0-9_:-]+)+");

	private static final String RAW = "##";

	private AttributeTemplates() {
	}

	/** Every problem with a saved-attributes object, in words; empty when it is fine. */
	public static List<String> problems(Map<String, Object> saved) {
		List<String> problems = new ArrayList<>();
		int organizationForms = 0;
		for (Map.Entry<String, Object> entry : saved.entrySet()) {
			String key = entry.getKey();
			if (!KEYS.contains(key)) {
				problems.add("unknown key \"" + key + "\" (allowed: " + String.join(", ", new java.util.TreeSet<>(KEYS)) + ")");
				continue;
			}
			if (key.endsWith("organization")) {
				organizationForms++;
				if (!key.equals("organization")) {
					if (!(entry.getValue() instanceof Map<?, ?> lookup) || lookup.isEmpty()) {
						problems.add("\"" + key + "\" needs an object of lookup keys, e.g. {\"name\": \"{{profile.raw_attributes.company}}\"}");
						continue;
					}
					for (Object lookupKey : lookup.keySet()) {
						if (!ORGANIZATION_KEYS.contains(String.valueOf(lookupKey))) {
							problems.add("\"" + key + "\" cannot look up by \"" + lookupKey + "\" (allowed: domain, name, workos_id)");
						}
					}
				}
			}
			collectTemplateProblems(key, entry.getValue(), problems);
		}
		if (organizationForms > 1) {
			problems.add("use only one of \"organization\", \"~organization\" and \"!organization\"");
		}
		return problems;
	}

	/** Resolves every template against a profile (a map with {@code first_name}, {@code raw_attributes}, …). */
	public static Map<String, Object> resolve(Map<String, Object> saved, Map<String, Object> profile) {
		Map<String, Object> resolved = new LinkedHashMap<>();
		saved.forEach((key, value) -> resolved.put(key, resolveValue(value, profile)));
		return resolved;
	}

	private static @Nullable Object resolveValue(@Nullable Object value, Map<String, Object> profile) {
		if (value instanceof String text) {
			if (text.startsWith(RAW)) {
				return lookup(text.substring(RAW.length()).trim(), profile);
			}
			Matcher m = PLACEHOLDER.matcher(text);
			StringBuilder out = new StringBuilder();
			while (m.find()) {
				Object found = lookup(m.group(1), profile);
				m.appendReplacement(out, Matcher.quoteReplacement(found == null ? "" : flatten(found)));
			}
			m.appendTail(out);
			return out.toString();
		}
		if (value instanceof Map<?, ?> map) {
			Map<String, Object> resolved = new LinkedHashMap<>();
			map.forEach((k, v) -> resolved.put(String.valueOf(k), resolveValue(v, profile)));
			return resolved;
		}
		if (value instanceof Collection<?> list) {
			return list.stream().map(v -> resolveValue(v, profile)).toList();
		}
		return value;
	}

	private static @Nullable Object lookup(String path, Map<String, Object> profile) {
		String[] parts = path.split("\\.");
		Object current = profile;
		for (int i = 1; i < parts.length; i++) {
			if (!(current instanceof Map<?, ?> map)) {
				return null;
			}
			current = map.get(parts[i]);
		}
		return current;
	}

	private static String flatten(Object value) {
		return value instanceof Collection<?> list
				? String.join(",", list.stream().map(String::valueOf).toList()) : String.valueOf(value);
	}

	private static void collectTemplateProblems(String key, @Nullable Object value, List<String> problems) {
		if (value instanceof String text) {
			if (text.startsWith(RAW)) {
				if (!PATH.matcher(text.substring(RAW.length()).trim()).matches()) {
					problems.add("\"" + key + "\": " + text + " is not a profile path such as ##profile.groups");
				}
				return;
			}
			Matcher m = PLACEHOLDER.matcher(text);
			while (m.find()) {
				if (!PATH.matcher(m.group(1)).matches()) {
					problems.add("\"" + key + "\": {{" + m.group(1) + "}} is not a profile path such as {{profile.first_name}}");
				}
			}
			String rest = PLACEHOLDER.matcher(text).replaceAll("");
			if (rest.contains("{{") || rest.contains("}}")) {
				problems.add("\"" + key + "\": unbalanced {{ }} in " + text);
			}
		}
		else if (value instanceof Map<?, ?> map) {
			map.forEach((k, v) -> collectTemplateProblems(key + "." + k, v, problems));
		}
		else if (value instanceof Collection<?> list) {
			list.forEach(v -> collectTemplateProblems(key, v, problems));
		}
	}

}
