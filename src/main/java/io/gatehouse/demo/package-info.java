/**
 * Local mode's demo data on the app side: login rules that show every method working with the emulator's demo
 * organisations, and a password user. Seeded once, when there are no rules yet.
 */
@org.jspecify.annotations.NullMarked
package io.gatehouse.demo;
