package io.gatehouse.mfa;

/**
 * A person got a new set of recovery codes.
 *
 * @param replaced whether an earlier set existed (and stopped working); false for the first set, made with a first
 * factor
 */
public record RecoveryCodesRegenerated(long userId, String email, boolean replaced) {
}
