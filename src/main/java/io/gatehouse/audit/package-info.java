/**
 * The append-only audit log. It listens to the other modules' events (sign-ins, failures, provisioning) and writes one
 * entry each, with the client address and user agent of the web request it happened in; nothing calls into it to
 * write, and nothing updates or deletes an entry. {@link io.gatehouse.audit.AuditLog} reads the log: filtered keyset
 * pages ({@link io.gatehouse.audit.AuditQuery}) and a streamed export.
 */
@org.jspecify.annotations.NullMarked
package io.gatehouse.audit;
