/**
 * The sign-in journey: the two-step login page, the safe handling of {@code next}, establishing the signed-in
 * session (new session id, security context, {@link io.gatehouse.login.LoginSucceeded}), failures
 * ({@link io.gatehouse.login.LoginFailed}) and logout. Sign-in methods that leave the app, such as SSO, plug in
 * through {@link io.gatehouse.login.SsoLauncher} and come back through {@link io.gatehouse.login.SignIns}.
 */
@org.jspecify.annotations.NullMarked
package io.gatehouse.login;
