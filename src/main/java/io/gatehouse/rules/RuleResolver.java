package io.gatehouse.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/** Resolution over compiled rules in priority order: the first enabled rule that applies wins. */
final class RuleResolver {

	private RuleResolver() {
	}

	static Optional<RuleDecision> forUser(List<CompiledRule> rules, UserFacts user) {
		if (!user.active()) {
			return forUnknown(rules, user.email());
		}
		for (CompiledRule rule : rules) {
			if (rule.evaluate(user).applies()) {
				return Optional.of(rule.decision(user.hasMfa()));
			}
		}
		return Optional.empty();
	}

	static Optional<RuleDecision> forUnknown(List<CompiledRule> rules, String typed) {
		for (CompiledRule rule : rules) {
			if (rule.evaluateUnknown(typed).applies()) {
				return Optional.of(rule.decision(false));
			}
		}
		return Optional.empty();
	}

	static Optional<RuleDecision> forNewProfile(List<CompiledRule> rules, String email, String connectionId,
			@Nullable String organizationId, String connectionType) {
		for (CompiledRule rule : rules) {
			if (rule.evaluateNewProfile(email, connectionId, organizationId, connectionType).applies()) {
				return Optional.of(rule.decision(false));
			}
		}
		return Optional.empty();
	}

	static List<RuleExplanation> explain(List<CompiledRule> rules, @Nullable UserFacts user, String typed) {
		List<RuleExplanation> lines = new ArrayList<>();
		boolean chosen = false;
		boolean unknown = user == null || !user.active();
		for (CompiledRule rule : rules) {
			CompiledRule.Verdict verdict = unknown ? rule.evaluateUnknown(typed) : rule.evaluate(user);
			String reason = user != null && !user.active() ? "inactive user, treated as unknown: " + verdict.reason()
					: verdict.reason();
			boolean wins = verdict.applies() && !chosen;
			chosen |= wins;
			lines.add(new RuleExplanation(rule.id(), rule.name(), rule.priority(), rule.method(), verdict.applies(), wins,
					reason));
		}
		return lines;
	}

}
