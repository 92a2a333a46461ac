/**
 * The admin pages ({@code /admin}, administrators only): the login rules editor with its tester, and the users list
 * with each person's effective rule and linked identities, where a person's factors can be reset and the person signed
 * out everywhere, and the read-only audit log with its CSV export. Every change goes through the owning module, which
 * audits it.
 */
@org.jspecify.annotations.NullMarked
package io.gatehouse.admin;
