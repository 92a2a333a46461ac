/**
 * Small helpers for the secrets Gatehouse hands out (states, tokens, codes): random generation and one-way hashing
 * for storage. A leaf module: it uses no other.
 */
@org.jspecify.annotations.NullMarked
package io.gatehouse.secrets;
