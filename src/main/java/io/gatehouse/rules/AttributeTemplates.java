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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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

	/**
	 * Keys that only take a constant ({@code true} or {@code false}): the identity provider's claims must never make
	 * an administrator or revive a deactivated account.
	 */
	public static final Set<String> CONSTANT_KEYS = Set.of("is_active", "is_admin");

	/** Keys an organisation lookup may use. */
	public static final Set<String> ORGANIZATION_KEYS = Set.of("name", "workos_id", "domain");

	private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([^{}]*?)\\s*}}");

	private static final Pattern PATH = Pattern.compile("profile(\\.[A-Za-z0-9_:-]+)+");

	private static final String RAW = "##";

	private static final Logger LOG = LoggerFactory.getLogger(AttributeTemplates.class);

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
			if (CONSTANT_KEYS.contains(key)) {
				if (!isConstant(entry.getValue())) {
					problems.add("\"" + key + "\" must be true or false: it cannot come from the identity provider's claims");
				}
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

	/**
	 * Resolves every template against a profile (a map with {@code first_name}, {@code raw_attributes}, …). An
	 * {@code is_admin} or {@code is_active} that is not a constant (a rule stored before they had to be) is left out:
	 * the provider's claims never set them.
	 */
	public static Map<String, Object> resolve(Map<String, Object> saved, Map<String, Object> profile) {
		Map<String, Object> resolved = new LinkedHashMap<>();
		saved.forEach((key, value) -> {
			if (CONSTANT_KEYS.contains(key)) {
				if (isConstant(value)) {
					resolved.put(key, Boolean.valueOf(String.valueOf(value).trim()));
				}
				else {
					LOG.warn("A rule's saved attribute \"{}\" is not true or false; it is ignored (edit the rule to fix it)", key);
				}
				return;
			}
			resolved.put(key, resolveValue(value, profile));
		});
		return resolved;
	}

	/** Whether a rule grants administrator rights to whoever it signs in ({@code "is_admin": true}). */
	public static boolean grantsAdmin(Map<?, ?> saved) {
		Object value = saved.get("is_admin");
		return isConstant(value) && Boolean.parseBoolean(String.valueOf(value).trim());
	}

	/** {@code true} or {@code false}, as a JSON boolean or the plain word: no template can hide in it. */
	static boolean isConstant(@Nullable Object value) {
		if (value instanceof Boolean) {
			return true;
		}
		return value instanceof String text && (text.trim().equalsIgnoreCase("true") || text.trim().equalsIgnoreCase("false"));
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
