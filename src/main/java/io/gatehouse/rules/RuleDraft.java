package io.gatehouse.rules;

import org.jspecify.annotations.Nullable;

/**
 * A rule as an admin types it in the rule editor: raw text, so that any input binds and comes back as field errors
 * rather than a failure. {@link LoginRules#save} validates it (DESIGN section 5) and answers field errors keyed by
 * these component names.
 *
 * @param method a {@link LoginMethod} name
 * @param priority a whole number; lower wins
 * @param enabled {@code true} when ticked
 * @param lookupAttributes JSON object, e.g. {@code {"groups": ["Contractors"]}}
 * @param jitMode a {@link JitMode} name
 * @param jitGroups comma-separated app groups given to people the rule creates
 * @param savedAttributes JSON object of templates, e.g. {@code {"first_name": "{{profile.first_name}}"}}
 */
public record RuleDraft(@Nullable String name, @Nullable String method, @Nullable String priority,
		@Nullable String enabled, @Nullable String emailPattern, @Nullable String lookupAttributes,
		@Nullable String connectionId, @Nullable String organizationId, @Nullable String jitMode,
		@Nullable String jitGroups, @Nullable String savedAttributes, @Nullable String autoUpdate,
		@Nullable String totpIssuer, @Nullable String requireVerifiedEmail) {

	/** A draft from typed values (seeding, tests, editing a stored rule). */
	public static RuleDraft of(String name, LoginMethod method, int priority, boolean enabled,
			@Nullable String emailPattern, @Nullable String lookupAttributes, @Nullable String connectionId,
			@Nullable String organizationId, JitMode jitMode, @Nullable String jitGroups,
			@Nullable String savedAttributes, boolean autoUpdate, @Nullable String totpIssuer,
			boolean requireVerifiedEmail) {
		return new RuleDraft(name, method.name(), Integer.toString(priority), Boolean.toString(enabled), emailPattern,
				lookupAttributes, connectionId, organizationId, jitMode.name(), jitGroups, savedAttributes,
				Boolean.toString(autoUpdate), totpIssuer, Boolean.toString(requireVerifiedEmail));
	}

	public static RuleDraft blank(int priority) {
		return of("", LoginMethod.PASSWORD, priority, true, "", "", "", "", JitMode.OFF, "", "", false, "", false);
	}

	public @Nullable LoginMethod parsedMethod() {
		return parse(LoginMethod.class, method);
	}

	public @Nullable JitMode parsedJitMode() {
		return jitMode == null || jitMode.isBlank() ? JitMode.OFF : parse(JitMode.class, jitMode);
	}

	public @Nullable Integer parsedPriority() {
		try {
			return priority == null ? null : Integer.valueOf(priority.trim());
		}
		catch (NumberFormatException e) {
			return null;
		}
	}

	public boolean isEnabled() {
		return ticked(enabled);
	}

	public boolean isAutoUpdate() {
		return ticked(autoUpdate);
	}

	public boolean isRequireVerifiedEmail() {
		return ticked(requireVerifiedEmail);
	}

	private static boolean ticked(@Nullable String value) {
		return "true".equalsIgnoreCase(value) || "on".equalsIgnoreCase(value);
	}

	private static <E extends Enum<E>> @Nullable E parse(Class<E> type, @Nullable String value) {
		try {
			return value == null ? null : Enum.valueOf(type, value.trim());
		}
		catch (IllegalArgumentException e) {
			return null;
		}
	}

}
