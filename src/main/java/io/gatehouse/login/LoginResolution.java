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
 * a name nobody has, a JIT rule, or else the rule a person with that address would have, so that the answer never
 * reveals whether an account exists.
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
		String text = typed.trim();
		Optional<RuleDecision> decision = account.isPresent()
				? rules.forUser(RuleFacts.of(account.get(), factors.hasFactor(account.get().userId())))
				: rules.forUnknown(text).or(() -> rules.forUser(stranger(text)));
		return new Outcome(account.orElse(null), decision.orElse(null));
	}

	/**
	 * Someone nobody has: answered like a person with that address and nothing else, so the page behaves the same
	 * whether or not the account exists (the later step refuses them).
	 */
	private static UserFacts stranger(String typed) {
		return new UserFacts(typed, true, false, false, false, Set.of(), Set.of(), null, null);
	}

}
