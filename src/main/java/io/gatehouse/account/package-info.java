/**
 * People and where they belong: users, organisations (mirrored from WorkOS) and the external identities linked to
 * each user. {@link io.gatehouse.account.Accounts} is the module's service: it finds organisations by email domain,
 * and turns a verified external identity into a signed-in user, linking or creating the account just in time.
 * {@link io.gatehouse.account.UserSessions} lists and ends a person's sessions (Spring Session, indexed by user id),
 * and a filter ends sessions that outlive their absolute lifetime ({@code gatehouse.sessions.*}).
 * {@link io.gatehouse.account.RecentAuthentication} decides whether a session proved who it is recently enough for a
 * sensitive change ({@link io.gatehouse.account.RecentAuthenticationRequired}); a password change
 * ({@link io.gatehouse.account.PasswordChanges}) ends the person's other sessions.
 */
@org.jspecify.annotations.NullMarked
package io.gatehouse.account;
