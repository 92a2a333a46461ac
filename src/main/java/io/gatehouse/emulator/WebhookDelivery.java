package io.gatehouse.emulator;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.web.server.servlet.context.ServletWebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * Sends recorded events to the webhook endpoint as WorkOS does: one background thread, in event order, the exact
 * stored bytes signed with {@code WorkOS-Signature: t=<ms>, v1=<hex HMAC-SHA256(secret, "<t>.<body>")>}. A 2xx
 * answer marks an event delivered; anything else is retried after each of the configured delays and then left
 * failed, with the error recorded (the app catches up through the Events API). While the endpoint is paused, events
 * are marked paused and never sent, not even after resuming.
 */
@Component
@LocalModeOnly
class WebhookDelivery implements ApplicationListener<ServletWebServerInitializedEvent>, DisposableBean {

	private static final Logger LOG = LoggerFactory.getLogger(WebhookDelivery.class);

	private final DirectoryEvents events;

	private final byte[] secret;

	private final List<Duration> retryDelays;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final Semaphore work = new Semaphore(0);

	private final Thread sender;

	private volatile @Nullable URI target;

	private volatile boolean running = true;

	WebhookDelivery(DirectoryEvents events, EmulatorSettings settings) {
		this.events = events;
		this.secret = settings.emulatorWebhookSecret().getBytes(StandardCharsets.UTF_8);
		this.retryDelays = settings.emulatorWebhookRetryDelays();
		String url = settings.emulatorWebhookUrl();
		this.target = StringUtils.hasText(url) ? URI.create(url.trim()) : null;
		this.sender = new Thread(this::run, "workos-emulator-webhooks");
		this.sender.setDaemon(true);
		this.sender.start();
	}

	/** Without a configured URL, webhooks go to this server's own {@code /webhooks/workos}, once its port is known. */
	@Override
	public void onApplicationEvent(ServletWebServerInitializedEvent event) {
		if (target == null && event.getApplicationContext().getServerNamespace() == null) {
			String contextPath = event.getApplicationContext().getServletContext() == null ? ""
					: event.getApplicationContext().getServletContext().getContextPath();
			target = URI.create("http://127.0.0.1:" + event.getWebServer().getPort() + contextPath + "/webhooks/workos");
			wake();
		}
	}

	/** Where webhooks go, once known. */
	Optional<URI> target() {
		return Optional.ofNullable(target);
	}

	/** New events may be waiting. */
	void wake() {
		work.release();
	}

	private void run() {
		while (running) {
			try {
				work.tryAcquire(1, TimeUnit.SECONDS);
				work.drainPermits();
				URI to = target;
				if (to == null) {
					continue;
				}
				for (Optional<DirectoryEvents.Event> next = events.nextPending(); running && next.isPresent(); next = events
					.nextPending()) {
					deliver(next.get(), to);
				}
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				return;
			}
			catch (RuntimeException e) {
				if (running) {
					LOG.warn("Webhook delivery stopped for a moment: {}", e.toString());
				}
			}
		}
	}

	private void deliver(DirectoryEvents.Event event, URI to) throws InterruptedException {
		int attempt = 0;
		while (running) {
			if (events.paused()) {
				events.skipped(event.seq());
				return;
			}
			String error = post(event.body(), to);
			attempt++;
			events.attempted(event.seq(), attempt, error);
			if (error == null) {
				events.delivered(event.seq(), OffsetDateTime.now(ZoneOffset.UTC));
				return;
			}
			if (attempt > retryDelays.size()) {
				events.failed(event.seq());
				LOG.warn("Webhook {} ({}) not delivered to {} after {} attempts: {}", event.id(), event.name(), to, attempt,
						error);
				return;
			}
			Thread.sleep(retryDelays.get(attempt - 1).toMillis());
		}
	}

	/** @return null when the endpoint answered 2xx, else what went wrong */
	private @Nullable String post(String body, URI to) throws InterruptedException {
		String timestamp = Long.toString(System.currentTimeMillis());
		HttpRequest request = HttpRequest.newBuilder(to)
			.timeout(Duration.ofSeconds(5))
			.header("Content-Type", "application/json")
			.header("User-Agent", "WorkOS-Emulator")
			.header("WorkOS-Signature", "t=" + timestamp + ", v1=" + sign(timestamp + "." + body))
			.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
			.build();
		try {
			HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
			int status = response.statusCode();
			return status >= 200 && status < 300 ? null : "HTTP " + status;
		}
		catch (java.io.IOException e) {
			String message = e.getMessage();
			return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
		}
	}

	/** Lowercase hex HMAC-SHA256 with the webhook secret, as {@code com.workos.webhooks.Webhook} verifies it. */
	String sign(String payload) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret, "HmacSHA256"));
			return HexFormat.of().formatHex(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException(e);
		}
	}

	@Override
	public void destroy() throws InterruptedException {
		running = false;
		sender.interrupt();
		sender.join(2000);
	}

}
