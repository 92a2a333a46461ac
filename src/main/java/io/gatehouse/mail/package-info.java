/**
 * Sending e-mail through Spring's {@code JavaMailSender}: SMTP as configured ({@code spring.mail.*}), or in local
 * mode a sender that hands each message to the embedded emulator's outbox over HTTP, so codes and links can be read
 * at {@code /emulator/outbox}.
 */
@org.jspecify.annotations.NullMarked
package io.gatehouse.mail;
