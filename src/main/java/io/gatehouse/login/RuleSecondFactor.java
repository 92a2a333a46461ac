package io.gatehouse.login;

import io.gatehouse.account.Accounts;
import io.gatehouse.account.SecondFactorRule;
import io.gatehouse.rules.LoginMethod;
import io.gatehouse.rules.LoginRules;
import org.springframework.stereotype.Component;

/**
 * Whether a person's password is followed by a second step, as the password step decides it: the rule asks for a
 * second factor (method "password + second factor", or any password rule once a factor is enrolled) or for an
 * e-mailed code. A person whose rule does not use a password gets false: a password would be their only factor.
 */
@Component
class RuleSecondFactor implements SecondFactorRule {

	private final Accounts accounts;

	private final LoginRules rules;

	private final SecondFactors factors;

	RuleSecondFactor(Accounts accounts, LoginRules rules, SecondFactors factors) {
		this.accounts = accounts;
		this.rules = rules;
		this.factors = factors;
	}

	@Override
	public boolean addsSecondFactor(long userId) {
		return accounts.facts(userId)
			.flatMap(account -> rules.forUser(RuleFacts.of(account, factors.hasFactor(userId))))
			.filter(decision -> decision.method().usesPassword())
			.map(decision -> decision.mfaRequired() || decision.method() == LoginMethod.EMAIL_CODE)
			.orElse(false);
	}

}
