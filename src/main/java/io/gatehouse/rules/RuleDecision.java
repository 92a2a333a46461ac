package io.gatehouse.rules;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The rule that applies, with what the sign-in needs from it.
 *
 * @param mfaRequired the person must pass a second factor after the first step
 * @param jitAllowed an unknown person may be provisioned by this rule
 */
public record RuleDecision(long ruleId, String ruleName, LoginMethod method, boolean mfaRequired,
		@Nullable String connectionId, @Nullable String organizationId, JitMode jitMode, List<String> jitGroups,
		Map<String, Object> savedAttributes, boolean autoUpdate, @Nullable String totpIssuer,
		boolean requireVerifiedEmail, boolean jitAllowed) {
}
