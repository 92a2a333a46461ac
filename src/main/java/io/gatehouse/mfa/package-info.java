/**
 * Second factors through the WorkOS MFA API: enrolment (TOTP authenticator apps), the list of a person's factors, the
 * challenge at sign-in when a rule or an enrolled factor demands it, and removal. The challenge lives in the
 * server-side session only. The step-up page ({@link io.gatehouse.mfa.StepUps}) lets a signed-in person prove again who
 * they are, with the password or a current code, before a sensitive change.
 */
@org.jspecify.annotations.NullMarked
package io.gatehouse.mfa;
