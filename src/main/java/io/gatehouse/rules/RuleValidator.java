package io.gatehouse.rules;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Save-time checks of a rule (DESIGN section 5), each a field error in words. Checks that need the other rules
 * (unique name and priority) are made by {@link LoginRules}.
 */
final class RuleValidator {

	/** The keys lookup attributes may use, and what each holds. */
	static final Map<String, String> LOOKUP_KEYS = Map.of("groups", "list of app group names (any of)",
			"directory_groups", "list of directory group names (any of)", "is_admin", "true or false", "has_mfa",
			"true or false", "has_sso", "true or false", "organization", "organisation name or WorkOS id");

	private static final Set<String> BOOLEAN_KEYS = Set.of("is_admin", "has_mfa", "has_sso");

	private final JsonMapper json;

	RuleValidator(JsonMapper json) {
		this.json = json;
	}

	/** Field name → message; empty when the draft can be saved. */
	Map<String, String> validate(RuleDraft draft) {
		Map<String, String> errors = new LinkedHashMap<>();
		if (blank(draft.name())) {
			errors.put("name", "Give the rule a name.");
		}
		else if (draft.name().trim().length() > 100) {
			errors.put("name", "Keep the name under 100 characters.");
		}
		if (draft.parsedMethod() == null) {
			errors.put("method", "Choose a sign-in method.");
		}
		Integer priority = draft.parsedPriority();
		if (blank(draft.priority())) {
			errors.put("priority", "Give the rule a priority (lower numbers win).");
		}
		else if (priority == null) {
			errors.put("priority", "Enter a whole number.");
		}
		else if (priority < 0 || priority > 1_000_000) {
			errors.put("priority", "Use a priority between 0 and 1000000.");
		}
		if (draft.parsedJitMode() == null) {
			errors.put("jitMode", "Choose how accounts are created.");
		}
		if (!blank(draft.emailPattern())) {
			if (draft.emailPattern().length() > 500) {
				errors.put("emailPattern", "Keep the pattern under 500 characters.");
			}
			else {
				try {
					Pattern.compile(draft.emailPattern());
				}
				catch (PatternSyntaxException e) {
					errors.put("emailPattern", "This is not a valid regular expression: " + e.getDescription() + ".");
				}
			}
		}
		Map<String, Object> lookup = parseObject(draft.lookupAttributes(), "lookupAttributes", errors);
		if (lookup != null) {
			for (Map.Entry<String, Object> entry : lookup.entrySet()) {
				if (!LOOKUP_KEYS.containsKey(entry.getKey())) {
					errors.put("lookupAttributes", "Unknown lookup key \"" + entry.getKey() + "\". Allowed: "
							+ String.join(", ", new java.util.TreeSet<>(LOOKUP_KEYS.keySet())) + ".");
					break;
				}
				if (BOOLEAN_KEYS.contains(entry.getKey()) && !(entry.getValue() instanceof Boolean)) {
					errors.put("lookupAttributes", "\"" + entry.getKey() + "\" must be true or false.");
					break;
				}
				if (entry.getKey().endsWith("groups") && !(entry.getValue() instanceof List<?> || entry.getValue() instanceof String)) {
					errors.put("lookupAttributes", "\"" + entry.getKey() + "\" must be a list of group names.");
					break;
				}
			}
		}
		Map<String, Object> saved = parseObject(draft.savedAttributes(), "savedAttributes", errors);
		if (saved != null) {
			List<String> problems = AttributeTemplates.problems(saved);
			if (!problems.isEmpty()) {
				errors.put("savedAttributes", String.join("; ", problems) + ".");
			}
		}
		LoginMethod method = draft.parsedMethod();
		if (method != null) {
			checkMethod(draft, method, lookup, saved, errors);
		}
		return errors;
	}

	private void checkMethod(RuleDraft draft, LoginMethod method, @Nullable Map<String, Object> lookup,
			@Nullable Map<String, Object> saved, Map<String, String> errors) {
		boolean hasConnection = !blank(draft.connectionId());
		boolean hasOrganization = !blank(draft.organizationId());
		if (method == LoginMethod.SSO && hasConnection == hasOrganization) {
			errors.putIfAbsent("connectionId", "An SSO rule needs exactly one of a WorkOS connection or organisation.");
		}
		if (method != LoginMethod.SSO && (hasConnection || hasOrganization)) {
			errors.putIfAbsent(hasConnection ? "connectionId" : "organizationId",
					"Only SSO rules name a WorkOS connection or organisation.");
		}
		if (method == LoginMethod.PASSWORD_MFA && blank(draft.totpIssuer())) {
			errors.putIfAbsent("totpIssuer", "Rules with a second factor need a TOTP issuer (the name shown in authenticator apps).");
		}
		if (method != LoginMethod.PASSWORD_MFA && !blank(draft.totpIssuer())) {
			errors.putIfAbsent("totpIssuer", "Only rules with a second factor have a TOTP issuer.");
		}
		JitMode jit = draft.parsedJitMode() != null ? draft.parsedJitMode() : JitMode.OFF;
		if (!method.isExternal()) {
			if (jit != JitMode.OFF) {
				errors.putIfAbsent("jitMode", "Only SSO, OAuth and OIDC rules can create accounts just in time.");
			}
			if (saved != null && !saved.isEmpty()) {
				errors.putIfAbsent("savedAttributes", "Only SSO, OAuth and OIDC rules save attributes.");
			}
			if (draft.isAutoUpdate()) {
				errors.putIfAbsent("autoUpdate", "Only SSO, OAuth and OIDC rules update attributes at sign-in.");
			}
			if (!blank(draft.jitGroups())) {
				errors.putIfAbsent("jitGroups", "Only rules that create accounts just in time give JIT groups.");
			}
		}
		if (draft.isRequireVerifiedEmail() && !method.usesPassword()) {
			errors.putIfAbsent("requireVerifiedEmail", "Only password rules can require a verified email.");
		}
		boolean hasPattern = !blank(draft.emailPattern());
		if (jit == JitMode.MATCHING_PATTERN && !hasPattern) {
			errors.putIfAbsent("emailPattern", "JIT for matching emails needs a pattern.");
		}
		boolean hasLookup = lookup != null && !lookup.isEmpty();
		boolean appliesToSomeone = hasPattern || hasLookup || (method.isExternal() && jit == JitMode.ANY);
		if (!appliesToSomeone) {
			errors.putIfAbsent("emailPattern",
					"The rule applies to nobody: give an email pattern or lookup attributes (or JIT for any login).");
		}
	}

	private @Nullable Map<String, Object> parseObject(@Nullable String text, String field, Map<String, String> errors) {
		if (blank(text)) {
			return Map.of();
		}
		try {
			Object value = json.readValue(text, Object.class);
			if (value instanceof Map<?, ?>) {
				return json.readValue(text, new TypeReference<Map<String, Object>>() {
				});
			}
			errors.put(field, "Enter a JSON object, like {\"groups\": [\"Admins\"]}.");
		}
		catch (JacksonException e) {
			errors.put(field, "This is not valid JSON: " + e.getOriginalMessage());
		}
		return null;
	}

	static boolean blank(@Nullable String text) {
		return text == null || text.isBlank();
	}

}
