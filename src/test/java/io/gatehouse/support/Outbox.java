package io.gatehouse.support;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The emulator's outbox page, read as a person would: the newest message to someone, and what it says. Reset links,
 * magic links and e-mailed codes are sent in the background after the page has answered, so reads that expect a
 * message wait for it (boundedly) instead of reading once.
 */
public final class Outbox {

	/** How long a read that expects a message waits for it. */
	public static final Duration WAIT = Duration.ofSeconds(10);

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

	/**
	 * Like {@link #find}, but waits up to {@link #WAIT} for such a message to arrive; empty if none came.
	 */
	public Optional<String> await(String recipient, String bodyRegex) {
		long deadline = System.nanoTime() + WAIT.toNanos();
		while (true) {
			Optional<String> found = find(recipient, bodyRegex);
			if (found.isPresent() || System.nanoTime() > deadline) {
				return found;
			}
			try {
				Thread.sleep(25);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				return found;
			}
		}
	}

	/** The newest 6-digit code sent to {@code recipient}, waiting for the first one to arrive. */
	public String code(String recipient) {
		return await(recipient, "(\\d{6})").orElseThrow(() -> new AssertionError("no code to " + recipient + " in the outbox"));
	}

}
