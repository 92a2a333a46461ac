/**
 * Wiring only: the security filter chains. It may use any module; nothing uses it.
 */
@org.jspecify.annotations.NullMarked
package io.gatehouse.config;
