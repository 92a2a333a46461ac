package io.gatehouse.directory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.gatehouse.support.GatehouseIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An unauthenticated client sends a huge body to {@code /webhooks/workos}, as an attacker would: it must be refused
 * while it is being read, with nothing buffered beyond 1 MiB, whatever the body claims about its length.
 */
@GatehouseIntegrationTest
class WebhookBodyLimitIntegrationTests {

	static final long FORTY_MIB = 40L * 1024 * 1024;

	@LocalServerPort
	int port;

	@Test
	void webhookWhenAChunkedBodyOfFortyMebibytesIsStreamedThenAnswers413BeforeItIsSent() throws Exception {
		AtomicLong written = new AtomicLong();
		AtomicLong writtenWhenAnswered = new AtomicLong(-1);
		try (Socket socket = new Socket("127.0.0.1", port)) {
			socket.setSoTimeout(20_000);
			OutputStream out = socket.getOutputStream();
			CompletableFuture<String> answer = CompletableFuture.supplyAsync(() -> {
				String statusLine = statusLine(socket);
				writtenWhenAnswered.set(written.get());
				return statusLine;
			});
			out.write(("POST /webhooks/workos HTTP/1.1\r\nHost: 127.0.0.1:" + port
					+ "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n")
				.getBytes(StandardCharsets.US_ASCII));
			byte[] chunk = new byte[64 * 1024];
			Arrays.fill(chunk, (byte) ' ');
			byte[] header = (Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII);
			try {
				while (written.get() < FORTY_MIB && !answer.isDone()) {
					out.write(header);
					out.write(chunk);
					out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
					written.addAndGet(chunk.length);
				}
				if (!answer.isDone()) {
					out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
				}
			}
			catch (IOException closedByServer) {
				// the server stopped reading and closed the connection: what it should do
			}

			assertThat(answer.get(20, TimeUnit.SECONDS)).startsWith("HTTP/1.1 413");
		}
		assertThat(writtenWhenAnswered.get()).as("bytes sent before the answer came")
			.isBetween(0L, 8L * 1024 * 1024);
		assertThat(written.get()).as("the client could not send the whole body").isLessThan(FORTY_MIB);
	}

	@Test
	void webhookWhenContentLengthAnnouncesFortyMebibytesThenAnswers413WithoutReadingIt() throws Exception {
		try (Socket socket = new Socket("127.0.0.1", port)) {
			socket.setSoTimeout(10_000);
			socket.getOutputStream()
				.write(("POST /webhooks/workos HTTP/1.1\r\nHost: 127.0.0.1:" + port
						+ "\r\nContent-Type: application/json\r\nContent-Length: " + FORTY_MIB + "\r\n\r\n{\"id\":")
					.getBytes(StandardCharsets.US_ASCII));

			assertThat(statusLine(socket)).startsWith("HTTP/1.1 413");
		}
	}

	@Test
	void webhookWhenContentLengthUnderstatesTheBodyThenOnlyTheAnnouncedBytesAreRead() throws Exception {
		try (Socket socket = new Socket("127.0.0.1", port)) {
			socket.setSoTimeout(10_000);
			OutputStream out = socket.getOutputStream();
			out.write(("POST /webhooks/workos HTTP/1.1\r\nHost: 127.0.0.1:" + port
					+ "\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}").getBytes(StandardCharsets.US_ASCII));

			assertThat(statusLine(socket)).as("two bytes that are no signed event").startsWith("HTTP/1.1 401");
		}
	}

	/** Reads the first line of the HTTP answer. */
	private static String statusLine(Socket socket) {
		try {
			InputStream in = socket.getInputStream();
			ByteArrayOutputStream line = new ByteArrayOutputStream();
			for (int b = in.read(); b != -1 && b != '\n'; b = in.read()) {
				line.write(b);
			}
			return line.toString(StandardCharsets.US_ASCII).trim();
		}
		catch (IOException e) {
			return "no answer: " + e;
		}
	}

}
