package io.gatehouse.sso;

/** A magic link was sent to a person (it is never part of the event). */
public record MagicLinkRequested(long userId, String email, String sender) {
}
