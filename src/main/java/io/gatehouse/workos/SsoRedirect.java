package io.gatehouse.workos;

/**
 * Where to send the person, and the PKCE verifier to keep (server-side only) until the code comes back.
 *
 * @param url the WorkOS authorization URL
 * @param codeVerifier the PKCE verifier matching the URL's {@code code_challenge}
 */
public record SsoRedirect(String url, String codeVerifier) {

	@Override
	public String toString() {
		return "SsoRedirect[url=" + url + ", codeVerifier=<hidden>]";
	}

}
