package io.gatehouse.account;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a handler of a sensitive change: a signed-in person who has not proved who they are within
 * {@link RecentAuthentication#WINDOW} is sent to the step-up page instead, and comes back afterwards. A request
 * without a signed-in person (e.g. the forced enrolment of a sign-in that just proved the password) is left to the
 * handler.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface RecentAuthenticationRequired {

	/**
	 * Where to come back to after the step-up, for handlers that cannot be returned to (a POST): the page of its form.
	 * Empty: the request's own path and query (for a GET), or the account page.
	 */
	String returnTo() default "";

	/**
	 * How recent the proof must be, in minutes: {@link RecentAuthentication#WINDOW} (5) for a person's own credentials;
	 * administrators' changes to other people and to the rules allow a longer working session.
	 */
	int minutes() default 5;

}
