package io.gatehouse.login;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

/** Sends magic links. Implemented by the {@code sso} module. */
public interface MagicLinkLauncher {

	/**
	 * E-mails a magic link to an account that may use one (in the background); for anyone else, sends nothing, so the
	 * answer is the same and comes in the same time.
	 * @param userId the account, or {@code null} when nobody may sign in this way with what was typed
	 */
	void send(HttpServletRequest request, @Nullable Long userId, String email, String next);

}
