package io.gatehouse.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** A load generator's webhook sender: signed events posted over one {@link KeepAliveConnection}. */
public final class KeepAliveWebhookSender implements AutoCloseable {

	private final KeepAliveConnection connection;

	private final String secret;

	public KeepAliveWebhookSender(int port, String secret) throws IOException {
		this.connection = new KeepAliveConnection(port);
		this.secret = secret;
	}

	/** Posts a signed event; returns the HTTP status. */
	public int send(String body) throws IOException {
		String signature = SignedWebhooks.signature(body, System.currentTimeMillis(), secret);
		return connection
			.exchange("POST", "/webhooks/workos",
					Map.of("Content-Type", "application/json", "WorkOS-Signature", signature),
					body.getBytes(StandardCharsets.UTF_8))
			.status();
	}

	@Override
	public void close() throws IOException {
		connection.close();
	}

}
