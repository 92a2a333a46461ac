package io.gatehouse.rules;

import org.jspecify.annotations.Nullable;

/** How a rule signs people in. */
public enum LoginMethod {

	PASSWORD("Password", null),
	PASSWORD_MFA("Password + second factor", null),
	EMAIL_CODE("Password + email code", null),
	MAGIC_LINK("Magic link", null),
	SSO("Enterprise SSO (WorkOS)", null),
	GOOGLE_OAUTH("Google (via WorkOS)", "GoogleOAuth"),
	MICROSOFT_OAUTH("Microsoft (via WorkOS)", "MicrosoftOAuth"),
	OIDC("OIDC (Okta)", null);

	private final String label;

	private final @Nullable String provider;

	LoginMethod(String label, @Nullable String provider) {
		this.label = label;
		this.provider = provider;
	}

	public String label() {
		return label;
	}

	/** The WorkOS OAuth provider for OAuth methods ({@code GoogleOAuth}), else null. */
	public @Nullable String provider() {
		return provider;
	}

	/** Methods where an external provider vouches for the person: they may provision (JIT) and map attributes. */
	public boolean isExternal() {
		return this == SSO || this == GOOGLE_OAUTH || this == MICROSOFT_OAUTH || this == OIDC;
	}

	/** Methods whose second step is a password form. */
	public boolean usesPassword() {
		return this == PASSWORD || this == PASSWORD_MFA || this == EMAIL_CODE;
	}

	/** The value {@code GET /accounts/login-method} answers with. */
	public String apiName() {
		return name().toLowerCase(java.util.Locale.ROOT);
	}

}
