package io.gatehouse.support;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A load generator's webhook sender: one kept-alive HTTP/1.1 connection, requests written by hand. It costs the
 * machine far less than a general HTTP client, so a benchmark on two cores measures the app rather than its caller.
 */
public final class KeepAliveWebhookSender implements AutoCloseable {

	private final int port;

	private Socket socket;

	private OutputStream out;

	private InputStream in;

	public KeepAliveWebhookSender(int port) throws IOException {
		this.port = port;
		connect();
	}

	/** Tomcat closes a kept-alive connection after a number of requests: then a new one is opened. */
	private void connect() throws IOException {
		this.socket = new Socket("127.0.0.1", port);
		this.socket.setTcpNoDelay(true);
		this.out = socket.getOutputStream();
		this.in = new BufferedInputStream(socket.getInputStream());
	}

	/** Posts a signed event; returns the HTTP status. */
	public int send(String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		String head = "POST /webhooks/workos HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
				+ "WorkOS-Signature: " + SignedWebhooks.signature(body, System.currentTimeMillis(), SignedWebhooks.LOCAL_SECRET)
				+ "\r\nContent-Length: " + bytes.length + "\r\n\r\n";
		out.write(head.getBytes(StandardCharsets.US_ASCII));
		out.write(bytes);
		out.flush();
		String status = line();
		int contentLength = 0;
		boolean chunked = false;
		boolean close = false;
		for (String header = line(); !header.isEmpty(); header = line()) {
			String lower = header.toLowerCase(java.util.Locale.ROOT);
			if (lower.startsWith("content-length:")) {
				contentLength = Integer.parseInt(lower.substring(15).trim());
			}
			else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
				chunked = true;
			}
			else if (lower.startsWith("connection:") && lower.contains("close")) {
				close = true;
			}
		}
		if (chunked) {
			for (int size = Integer.parseInt(line().trim(), 16); size > 0; size = Integer.parseInt(line().trim(), 16)) {
				in.readNBytes(size);
				line();
			}
			line();
		}
		else {
			in.readNBytes(contentLength);
		}
		if (close) {
			socket.close();
			connect();
		}
		return Integer.parseInt(status.split(" ")[1]);
	}

	private String line() throws IOException {
		StringBuilder line = new StringBuilder();
		for (int c = in.read(); c != '\n'; c = in.read()) {
			if (c < 0) {
				throw new IOException("Connection closed");
			}
			if (c != '\r') {
				line.append((char) c);
			}
		}
		return line.toString();
	}

	@Override
	public void close() throws IOException {
		socket.close();
	}

}
