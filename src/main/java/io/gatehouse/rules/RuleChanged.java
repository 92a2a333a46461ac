package io.gatehouse.rules;

/**
 * An admin changed a rule.
 *
 * @param change {@code created}, {@code updated}, {@code enabled}, {@code disabled} or {@code deleted}
 * @param actor who did it (an email)
 */
public record RuleChanged(long ruleId, String ruleName, String change, String actor) {
}
