package io.gatehouse.account;

/**
 * Whether a person's password sign-in goes on to a second factor: their rule's method is "password + second factor"
 * or "email code", or they have enrolled a factor. It decides how long their password must be
 * ({@link PasswordPolicy}). Implemented by the {@code login} module, which knows the rules.
 */
public interface SecondFactorRule {

	boolean addsSecondFactor(long userId);

}
