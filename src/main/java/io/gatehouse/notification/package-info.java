/**
 * Security notices by e-mail: the person is told when their password, second factors or recovery codes change, so a
 * change they did not make does not go unnoticed. Listens to the events of {@code account} and {@code mfa} and sends
 * through {@code mail}; nothing depends on it.
 */
@org.jspecify.annotations.NullMarked
package io.gatehouse.notification;
