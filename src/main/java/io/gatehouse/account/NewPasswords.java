package io.gatehouse.account;

import java.util.Arrays;
import java.util.Optional;

import org.springframework.stereotype.Service;

/** Checks a password a person chooses for themselves against {@link PasswordPolicy}, by what their rule asks. */
@Service
public class NewPasswords {

	private final Accounts accounts;

	private final SecondFactorRule secondFactor;

	NewPasswords(Accounts accounts, SecondFactorRule secondFactor) {
		this.accounts = accounts;
		this.secondFactor = secondFactor;
	}

	/** The shortest password the person may choose. */
	public int minimumLength(long userId) {
		return PasswordPolicy.minimumLength(secondFactor.addsSecondFactor(userId));
	}

	/** Why the person may not choose this password, or empty when they may. */
	public Optional<PasswordPolicy.Refusal> refusal(long userId, String password) {
		Optional<AccountFacts> account = accounts.facts(userId);
		return PasswordPolicy.check(password, secondFactor.addsSecondFactor(userId), Arrays.asList(
				account.map(AccountFacts::email).orElse(null), account.map(AccountFacts::username).orElse(null)));
	}

}
