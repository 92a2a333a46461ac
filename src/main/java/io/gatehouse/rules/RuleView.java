package io.gatehouse.rules;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** A stored rule as the admin pages list and edit it. */
public record RuleView(long id, String name, LoginMethod method, int priority, boolean enabled,
		@Nullable String emailPattern, @Nullable String lookupAttributes, @Nullable String connectionId,
		@Nullable String organizationId, JitMode jitMode, @Nullable String jitGroups, @Nullable String savedAttributes,
		boolean autoUpdate, @Nullable String totpIssuer, boolean requireVerifiedEmail, Instant updatedAt) {

	/** Whom the rule applies to, in a few words. */
	public String appliesTo() {
		StringBuilder text = new StringBuilder();
		if (emailPattern != null && !emailPattern.isBlank()) {
			text.append("emails matching ").append(emailPattern);
		}
		if (lookupAttributes != null && !lookupAttributes.isBlank()) {
			text.append(text.isEmpty() ? "" : ", or ").append("people with ").append(lookupAttributes);
		}
		if (jitMode == JitMode.ANY) {
			text.append(text.isEmpty() ? "" : "; ").append("anyone from its provider (JIT)");
		}
		return text.toString();
	}

	public RuleDraft toDraft() {
		return RuleDraft.of(name, method, priority, enabled, emailPattern, lookupAttributes, connectionId,
				organizationId, jitMode, jitGroups, savedAttributes, autoUpdate, totpIssuer, requireVerifiedEmail);
	}

}
