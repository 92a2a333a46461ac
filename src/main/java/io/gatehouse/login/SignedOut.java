package io.gatehouse.login;

/** A person signed out of this session ({@code POST /accounts/logout}). */
public record SignedOut(long userId, String email) {
}
