/**
 * The local mirror of the customers' directories (WorkOS Directory Sync): a resumable full sync through the SDK and
 * the admins' dashboard, webhooks and the Events API catch-up (each event applied once, older changes never
 * overwriting newer ones), and lifecycle: accounts follow their directory users, and lose access when they do.
 */
@org.jspecify.annotations.NullMarked
package io.gatehouse.directory;
