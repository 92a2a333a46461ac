package io.gatehouse.rules;

/**
 * One line of the rule tester: how a rule fared for the typed username.
 *
 * @param chosen this is the rule that applies (the first in priority order that matched)
 */
public record RuleExplanation(long ruleId, String ruleName, int priority, LoginMethod method, boolean matched,
		boolean chosen, String reason) {
}
