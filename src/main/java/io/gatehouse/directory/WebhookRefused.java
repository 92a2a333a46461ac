package io.gatehouse.directory;

/** A delivery to the webhook endpoint whose signature did not hold; nothing of it was applied. */
public record WebhookRefused(String remoteAddress, String reason) {
}
