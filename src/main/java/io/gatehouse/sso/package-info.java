/**
 * Enterprise SSO through WorkOS: starting a sign-in (an opaque single-use {@code state} bound to the session, PKCE),
 * the callback that exchanges the code for a profile and hands the identity to {@code account}, IdP-initiated
 * sign-ins for organisations that allow them, and keeping the local organisations in step with WorkOS.
 */
@org.jspecify.annotations.NullMarked
package io.gatehouse.sso;
