/**
 * The admin pages ({@code /admin}, administrators only): the login rules editor with its tester, and the users list
 * with each person's effective rule, linked identities and locks, where a person's factors can be reset, the person
 * signed out everywhere, the account deactivated, reactivated or unlocked, and the read-only audit log with its
 * (audited) CSV export. Every change goes through the owning module, which
 * audits it.
 */
@org.jspecify.annotations.NullMarked
package io.gatehouse.admin;
