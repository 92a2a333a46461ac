/**
 * People and where they belong: users, organisations (mirrored from WorkOS) and the external identities linked to
 * each user. {@link io.gatehouse.account.Accounts} is the module's service: it finds organisations by email domain,
 * and turns a verified external identity into a signed-in user, linking or creating the account just in time.
 * {@link io.gatehouse.account.UserSessions} lists and ends a person's sessions (Spring Session, indexed by user id),
 * and a filter ends sessions that outlive their absolute lifetime ({@code gatehouse.sessions.*}); another reloads a
 * session whose account's security stamp changed (admin flag, groups, active), or ends it.
 * {@link io.gatehouse.account.RecentAuthentication} decides whether a session proved who it is recently enough for a
 * sensitive change ({@link io.gatehouse.account.RecentAuthenticationRequired}); a password change
 * ({@link io.gatehouse.account.PasswordChanges}) ends the person's other sessions.
 * {@link io.gatehouse.account.AccountActivation} deactivates and reactivates accounts for administrators, and
 * {@link io.gatehouse.account.AccountLocks} tells administrators about accounts at the throttling hard stop and unlocks
 * them.
 */
@org.jspecify.annotations.NullMarked
package io.gatehouse.account;
