package io.gatehouse.rules;

import org.jspecify.annotations.Nullable;

/**
 * A rule as an admin types it in the rule editor. Text fields are raw input: {@link LoginRules#save} validates them
 * (DESIGN section 5) and answers field errors keyed by these component names.
 *
 * @param lookupAttributes JSON object, e.g. {@code {"groups": ["Contractors"]}}
 * @param jitGroups comma-separated app groups given to people the rule creates
 * @param savedAttributes JSON object of templates, e.g. {@code {"first_name": "{{profile.first_name}}"}}
 */
public record RuleDraft(@Nullable String name, @Nullable LoginMethod method, @Nullable Integer priority,
		boolean enabled, @Nullable String emailPattern, @Nullable String lookupAttributes,
		@Nullable String connectionId, @Nullable String organizationId, @Nullable JitMode jitMode,
		@Nullable String jitGroups, @Nullable String savedAttributes, boolean autoUpdate,
		@Nullable String totpIssuer, boolean requireVerifiedEmail) {

	public static RuleDraft blank(int priority) {
		return new RuleDraft("", LoginMethod.PASSWORD, priority, true, "", "", "", "", JitMode.OFF, "", "", false, "",
				false);
	}

}
