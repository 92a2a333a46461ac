/**
 * People and where they belong: users, organisations (mirrored from WorkOS) and the external identities linked to
 * each user. {@link io.gatehouse.account.Accounts} is the module's service: it finds organisations by email domain,
 * and turns a verified external identity into a signed-in user, linking or creating the account just in time.
 */
@org.jspecify.annotations.NullMarked
package io.gatehouse.account;
