package io.gatehouse.sso;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import io.gatehouse.account.AccountFacts;
import io.gatehouse.account.Accounts;
import io.gatehouse.account.ExternalIdentity;
import io.gatehouse.account.Provisioning;
import io.gatehouse.rules.AttributeTemplates;
import io.gatehouse.rules.LoginRules;
import io.gatehouse.rules.RuleDecision;
import io.gatehouse.login.RuleFacts;
import io.gatehouse.workos.SsoProfile;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Asks the login rules what a verified profile may do. A person with an account must be one whose rule signs them in
 * through this provider; a person without one needs a JIT rule for it. The rule's saved attributes are resolved
 * against the profile here.
 */
@Component
class SsoProvisioning {

	private final Accounts accounts;

	private final LoginRules rules;

	SsoProvisioning(Accounts accounts, LoginRules rules) {
		this.accounts = accounts;
		this.rules = rules;
	}

	/**
	 * What a sign-in may do, and the rule that allows it.
	 *
	 * @param ruleName the rule that lets the profile in; null for an inactive account, which is refused anyway
	 */
	record Admission(Provisioning provisioning, @Nullable String ruleName) {
	}

	/** What the sign-in may do, or empty when no rule lets this profile in. */
	Optional<Admission> decide(ExternalIdentity identity, SsoProfile profile) {
		Optional<AccountFacts> account = accounts.findForIdentity(identity);
		if (account.isPresent() && account.get().active()) {
			AccountFacts facts = account.get();
			return rules
				.forUser(RuleFacts.of(facts, false))
				.filter(decision -> decision.method().isExternal())
				.filter(decision -> rules.admits(decision, profile.connectionId(), profile.organizationId(),
						profile.connectionType()))
				.map(decision -> new Admission(new Provisioning(false, decision.jitGroups(), saved(decision, profile),
						decision.autoUpdate()), decision.ruleName()));
		}
		if (account.isPresent()) {
			// inactive: let Accounts refuse it, the same way for every method
			return Optional.of(new Admission(Provisioning.existingOnly(), null));
		}
		return rules.forNewProfile(profile.email(), profile.connectionId(), profile.organizationId(),
				profile.connectionType())
			.map(decision -> new Admission(
					new Provisioning(true, decision.jitGroups(), saved(decision, profile), decision.autoUpdate()),
					decision.ruleName()));
	}

	private static Map<String, Object> saved(RuleDecision decision, SsoProfile profile) {
		if (decision.savedAttributes().isEmpty()) {
			return Map.of();
		}
		Map<String, Object> view = new LinkedHashMap<>();
		view.put("id", profile.id());
		view.put("idp_id", profile.idpId());
		view.put("email", profile.email());
		view.put("first_name", profile.firstName());
		view.put("last_name", profile.lastName());
		view.put("groups", profile.groups());
		view.put("connection_id", profile.connectionId());
		view.put("connection_type", profile.connectionType());
		view.put("organization_id", profile.organizationId());
		view.put("raw_attributes", profile.rawAttributes());
		return AttributeTemplates.resolve(decision.savedAttributes(), view);
	}

}
