/**
 * Local mode only: a faithful stand-in for the parts of the WorkOS API Gatehouse uses, mounted at {@code /emulator}
 * and reached by the real SDK over HTTP, plus the pages WorkOS would host (the test IdP, the IdP dashboard). It keeps
 * its state in its own database, imports no other module, and no other module imports it.
 */
@org.jspecify.annotations.NullMarked
package io.gatehouse.emulator;
