package io.gatehouse.login;

import io.gatehouse.account.AccountFacts;
import io.gatehouse.rules.UserFacts;

/** What the login rules see of an account: the one place an account becomes {@link UserFacts}. */
public final class RuleFacts {

	private RuleFacts() {
	}

	/**
	 * @param hasMfa whether the person has enrolled a second factor
	 */
	public static UserFacts of(AccountFacts account, boolean hasMfa) {
		return new UserFacts(account.email(), account.active(), account.admin(), hasMfa, account.hasSso(),
				account.groups(), account.directoryGroups(), account.organizationWorkosId(), account.organizationName());
	}

}
