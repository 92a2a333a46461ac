/**
 * The local mirror of the customers' directories (WorkOS Directory Sync): a resumable full sync through the SDK and
 * the admins' dashboard. Webhooks, the Events API catch-up and lifecycle come next.
 */
@org.jspecify.annotations.NullMarked
package io.gatehouse.directory;
