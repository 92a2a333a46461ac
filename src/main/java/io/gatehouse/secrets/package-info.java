/**
 * Small helpers for the secrets Gatehouse hands out (states, tokens, codes): random generation and one-way hashing
 * for storage, and {@link io.gatehouse.secrets.ServerKeys}, this install's random keys kept in its database (for
 * HMACs of stored codes). A leaf module: it uses no other.
 */
@org.jspecify.annotations.NullMarked
package io.gatehouse.secrets;
