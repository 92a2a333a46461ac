package io.gatehouse.login;

/** Whether people have enrolled a second factor. Implemented by the {@code mfa} module. */
public interface SecondFactors {

	boolean hasFactor(long userId);

}
