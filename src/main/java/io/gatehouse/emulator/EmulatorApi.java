package io.gatehouse.emulator;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an emulated WorkOS API controller: its requests need {@code Authorization: Bearer <API key>} (unless the
 * method is marked {@link AccessTokenAuth}), every answer carries {@code X-Request-ID}, and failures are WorkOS-shaped
 * JSON bodies ({@link ApiFailure}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@interface EmulatorApi {

	/** The method authenticates with an SSO access token instead of the API key ({@code GET /sso/profile}). */
	@Target(ElementType.METHOD)
	@Retention(RetentionPolicy.RUNTIME)
	@interface AccessTokenAuth {
	}

	/** The method is a page a browser opens (e.g. a magic link), so it takes no API key. */
	@Target(ElementType.METHOD)
	@Retention(RetentionPolicy.RUNTIME)
	@interface BrowserPage {
	}

}
