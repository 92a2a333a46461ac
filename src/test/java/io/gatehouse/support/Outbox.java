package io.gatehouse.support;

import java.util.Optional;
import java.util.regex.Pattern;

/** The emulator's outbox page, read as a person would: the newest message to someone, and what it says. */
public final class Outbox {

	private final int port;

	public Outbox(int port) {
		this.port = port;
	}

	/**
	 * The first match of {@code bodyRegex}'s group 1 in the newest message to {@code recipient} that matches it.
	 */
	public Optional<String> find(String recipient, String bodyRegex) {
		TestBrowser.Page page = new TestBrowser(port).get("http://127.0.0.1:" + port + "/emulator/outbox");
		return page.find("(?s)<td class=\"recipient\">" + Pattern.quote(recipient) + "</td>\\s*<td class=\"body\">[^<]*?"
				+ bodyRegex);
	}

	/** The newest 6-digit code sent to {@code recipient}. */
	public String code(String recipient) {
		return find(recipient, "(\\d{6})").orElseThrow(() -> new AssertionError("no code to " + recipient + " in the outbox"));
	}

}
