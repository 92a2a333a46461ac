package io.gatehouse.rules;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/** A stored rule, parsed once: the pattern compiled, the lookup attributes read. Immutable, shared by all threads. */
record CompiledRule(long id, String name, LoginMethod method, int priority, boolean enabled, @Nullable Pattern pattern,
		Map<String, Object> lookup, @Nullable String connectionId, @Nullable String organizationId, JitMode jitMode,
		List<String> jitGroups, Map<String, Object> savedAttributes, boolean autoUpdate, @Nullable String totpIssuer,
		boolean requireVerifiedEmail) {

	/** Whether a rule applies, and why, in words for the rule tester. */
	record Verdict(boolean applies, String reason) {
	}

	/** Does the rule apply to this known user? Pattern OR lookup attributes. */
	Verdict evaluate(UserFacts user) {
		if (!enabled) {
			return new Verdict(false, "disabled");
		}
		if (pattern != null && pattern.matcher(user.email()).find()) {
			return new Verdict(true, "email matches " + pattern.pattern());
		}
		if (!lookup.isEmpty()) {
			for (Map.Entry<String, Object> entry : lookup.entrySet()) {
				if (!holds(entry.getKey(), entry.getValue(), user)) {
					return new Verdict(false, (pattern != null ? "email does not match " + pattern.pattern() + " and " : "")
							+ "lookup attribute " + entry.getKey() + " does not hold");
				}
			}
			return new Verdict(true, "lookup attributes hold: " + String.join(", ", lookup.keySet()));
		}
		return new Verdict(false, pattern != null ? "email does not match " + pattern.pattern() : "no pattern");
	}

	/** Does the rule apply to a username nobody has? Only JIT rules whose pattern matches the typed text. */
	Verdict evaluateUnknown(String typed) {
		if (!enabled) {
			return new Verdict(false, "disabled");
		}
		if (jitMode == JitMode.OFF) {
			return new Verdict(false, "unknown user, and the rule does not create accounts (JIT off)");
		}
		if (pattern == null || !pattern.matcher(typed).find()) {
			return new Verdict(false, "unknown user, and the typed text does not match the pattern");
		}
		return new Verdict(true, "unknown user, JIT rule, pattern " + pattern.pattern() + " matches");
	}

	/** Does the rule's provider match where this profile comes from? */
	boolean targets(String profileConnectionId, @Nullable String profileOrganizationId, String connectionType) {
		return switch (method) {
			case SSO -> profileConnectionId.equals(connectionId)
					|| (organizationId != null && organizationId.equals(profileOrganizationId));
			case GOOGLE_OAUTH, MICROSOFT_OAUTH -> connectionType.equals(method.provider());
			case OIDC -> "OIDC".equals(connectionType);
			default -> false;
		};
	}

	/** May this rule provision a person a provider vouched for, who has no account yet? */
	Verdict evaluateNewProfile(String email, String profileConnectionId, @Nullable String profileOrganizationId,
			String connectionType) {
		if (!enabled) {
			return new Verdict(false, "disabled");
		}
		if (!targets(profileConnectionId, profileOrganizationId, connectionType)) {
			return new Verdict(false, "not for this provider");
		}
		return switch (jitMode) {
			case OFF -> new Verdict(false, "JIT off");
			case ANY -> new Verdict(true, "JIT for any login from this provider");
			case MATCHING_PATTERN -> pattern != null && pattern.matcher(email).find()
					? new Verdict(true, "JIT, email matches " + pattern.pattern())
					: new Verdict(false, "JIT only for emails matching the pattern");
		};
	}

	RuleDecision decision(boolean userHasMfa) {
		boolean mfa = method == LoginMethod.PASSWORD_MFA || (userHasMfa && !method.isExternal());
		return new RuleDecision(id, name, method, mfa, connectionId, organizationId, jitMode, jitGroups,
				savedAttributes, autoUpdate, totpIssuer, requireVerifiedEmail, jitMode != JitMode.OFF);
	}

	private static boolean holds(String key, Object expected, UserFacts user) {
		return switch (key) {
			case "groups" -> anyOf(expected, user.groups());
			case "directory_groups" -> anyOf(expected, user.directoryGroups());
			case "is_admin" -> Boolean.valueOf(user.admin()).equals(expected);
			case "has_mfa" -> Boolean.valueOf(user.hasMfa()).equals(expected);
			case "has_sso" -> Boolean.valueOf(user.hasSso()).equals(expected);
			case "organization" -> expected instanceof String org
					&& (org.equalsIgnoreCase(String.valueOf(user.organizationWorkosId()))
							|| org.equalsIgnoreCase(String.valueOf(user.organizationName())));
			default -> false;
		};
	}

	private static boolean anyOf(Object expected, Set<String> actual) {
		Collection<?> wanted = expected instanceof Collection<?> c ? c : List.of(expected);
		Set<String> lower = actual.stream().map(a -> a.toLowerCase(Locale.ROOT)).collect(java.util.stream.Collectors.toSet());
		return wanted.stream().anyMatch(w -> lower.contains(String.valueOf(w).toLowerCase(Locale.ROOT)));
	}

}
