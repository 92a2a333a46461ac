/**
 * Throttling that cannot be raced and holds across instances: counters in the database, changed by single atomic
 * statements. Per account and per kind of secret, growing delays from the fifth consecutive failure and a hard stop at
 * the hundredth (NIST SP 800-63B), announced once by {@link io.gatehouse.throttle.HardStopReached} and lifted by an
 * unlock or a reset; per IP address, limits on sign-in attempts, method lookups and code sends.
 */
@org.jspecify.annotations.NullMarked
package io.gatehouse.throttle;
