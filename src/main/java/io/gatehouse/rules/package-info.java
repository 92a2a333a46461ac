/**
 * Login rules: which sign-in method applies to which people, by priority, email pattern and lookup attributes
 * (DESIGN section 5). {@link io.gatehouse.rules.LoginRules} resolves the rule for a known user, for an unknown typed
 * username (JIT rules only) and for an SSO profile, explains its choice for the admin's rule tester, and validates
 * and stores rules.
 */
@org.jspecify.annotations.NullMarked
package io.gatehouse.rules;
