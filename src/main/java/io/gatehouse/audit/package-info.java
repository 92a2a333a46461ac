/**
 * The append-only audit log. It listens to the other modules' events (sign-ins, failures, provisioning) and writes one
 * entry each; nothing calls into it to write. {@link io.gatehouse.audit.AuditLog} reads the log.
 */
@org.jspecify.annotations.NullMarked
package io.gatehouse.audit;
