package io.gatehouse.login;

import java.util.Optional;
import java.util.Set;

import io.gatehouse.account.AccountFacts;
import io.gatehouse.account.Accounts;
import io.gatehouse.rules.LoginMethod;
import io.gatehouse.rules.LoginRules;
import io.gatehouse.rules.RuleDecision;
import io.gatehouse.rules.UserFacts;
import io.gatehouse.settings.GatehouseSettings;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Who typed what, and which rule applies: the account (by email and/or username, as configured) and its rule, or for
 * a name nobody has, a JIT rule. Unknown people without a JIT rule get the same answer as password users.
 */
@Component
class LoginResolution {

	/** The account (if any) and the rule (if any) for a typed username. */
	record Outcome(@Nullable AccountFacts account, @Nullable RuleDecision decision) {

		/** The method the login page follows: the rule's, or password when no rule applies (reveals nothing). */
		LoginMethod method() {
			return decision != null ? decision.method() : LoginMethod.PASSWORD;
		}

	}

	private final Accounts accounts;

	private final LoginRules rules;

	private final GatehouseSettings settings;

	private final SecondFactors factors;

	LoginResolution(Accounts accounts, LoginRules rules, GatehouseSettings settings, SecondFactors factors) {
		this.accounts = accounts;
		this.rules = rules;
		this.settings = settings;
		this.factors = factors;
	}

	Outcome resolve(String typed) {
		Optional<AccountFacts> account = accounts.findForLogin(typed, settings.login().lookupByEmail(),
				settings.login().lookupByUsername());
		Optional<RuleDecision> decision = account.isPresent()
				? rules.forUser(facts(account.get(), factors.hasFactor(account.get().userId())))
				: rules.forUnknown(typed.trim());
		return new Outcome(account.orElse(null), decision.orElse(null));
	}

	static UserFacts facts(AccountFacts account, boolean hasMfa) {
		return new UserFacts(account.email(), account.active(), account.admin(), hasMfa, account.hasSso(),
				account.groups(), Set.of(), account.organizationWorkosId(), account.organizationName());
	}

}
