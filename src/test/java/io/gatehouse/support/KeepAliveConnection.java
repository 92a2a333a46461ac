package io.gatehouse.support;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A load generator's HTTP/1.1 connection to the app: one kept-alive socket, requests written by hand, answers read on
 * the calling thread. It costs the machine far less than a general HTTP client (no selector or worker threads to wake
 * for every answer), so a benchmark on two cores measures the app rather than its caller.
 */
public final class KeepAliveConnection implements AutoCloseable {

	private final int port;

	private Socket socket;

	private OutputStream out;

	private InputStream in;

	public KeepAliveConnection(int port) throws IOException {
		this.port = port;
		connect();
	}

	/** One answer; header names in lower case. */
	public record Response(int status, Map<String, List<String>> headers, String body) {

		public List<String> header(String name) {
			return headers.getOrDefault(name, List.of());
		}

	}

	/** Tomcat closes a kept-alive connection after a number of requests: then a new one is opened. */
	private void connect() throws IOException {
		this.socket = new Socket("127.0.0.1", port);
		this.socket.setTcpNoDelay(true);
		this.out = socket.getOutputStream();
		this.in = new BufferedInputStream(socket.getInputStream());
	}

	/** Sends one request (a body only if not null) and reads its whole answer. */
	public Response exchange(String method, String path, Map<String, String> headers, byte[] body) throws IOException {
		StringBuilder head = new StringBuilder(method).append(' ').append(path).append(" HTTP/1.1\r\nHost: localhost:")
			.append(port)
			.append("\r\n");
		headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
		if (body != null) {
			head.append("Content-Length: ").append(body.length).append("\r\n");
		}
		out.write(head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
		if (body != null) {
			out.write(body);
		}
		out.flush();
		int status = Integer.parseInt(line().split(" ")[1]);
		Map<String, List<String>> received = new LinkedHashMap<>();
		for (String header = line(); !header.isEmpty(); header = line()) {
			int colon = header.indexOf(':');
			received.computeIfAbsent(header.substring(0, colon).trim().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
				.add(header.substring(colon + 1).trim());
		}
		byte[] content;
		if (received.getOrDefault("transfer-encoding", List.of()).contains("chunked")) {
			ByteArrayOutputStream chunks = new ByteArrayOutputStream();
			for (int size = Integer.parseInt(line().trim(), 16); size > 0; size = Integer.parseInt(line().trim(), 16)) {
				chunks.write(in.readNBytes(size));
				line();
			}
			line();
			content = chunks.toByteArray();
		}
		else {
			content = in.readNBytes(Integer.parseInt(received.getOrDefault("content-length", List.of("0")).get(0)));
		}
		if (received.getOrDefault("connection", List.of()).contains("close")) {
			socket.close();
			connect();
		}
		return new Response(status, received, new String(content, StandardCharsets.UTF_8));
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
