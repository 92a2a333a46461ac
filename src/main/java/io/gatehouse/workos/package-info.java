/**
 * The only code that touches the WorkOS SDK ({@code com.workos:workos}). {@link io.gatehouse.workos.WorkOs} is a
 * typed facade with named parameters; every SDK failure, including the Jackson required-field errors the SDK lets
 * escape, arrives as a {@link io.gatehouse.workos.WorkOsException} with a {@link io.gatehouse.workos.WorkOsException.Reason}.
 * In local mode the SDK talks HTTP to the embedded emulator; otherwise to the real WorkOS API.
 */
@org.jspecify.annotations.NullMarked
package io.gatehouse.workos;
