package io.gatehouse.workos;

/**
 * A WorkOS passwordless session: the link that signs the person in. Treat the link as a password: never log it or
 * show it on a page.
 *
 * @param sessionId WorkOS's id, for sending the e-mail through WorkOS
 */
public record MagicLink(String sessionId, String link) {

	@Override
	public String toString() {
		return "MagicLink[sessionId=" + sessionId + ", link=<hidden>]";
	}

}
