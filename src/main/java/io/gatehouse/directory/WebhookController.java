package io.gatehouse.directory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import io.gatehouse.workos.DirectoryEvent;
import io.gatehouse.workos.WebhookRejected;
import io.gatehouse.workos.WorkOs;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * WorkOS webhooks: a body over 1 MiB is refused while it is read (413, the connection closed), the raw body's signature is checked first (401, nothing applied, audited), then the event is read
 * (400 if it is not one) and applied once; the answer is 2xx only after the change is committed, so WorkOS retries
 * anything that failed.
 */
@RestController
class WebhookController {

	/** WorkOS events are small; anything this large is not one. */
	static final int MAX_BODY = 1024 * 1024;

	private static final Logger log = LoggerFactory.getLogger(WebhookController.class);

	private final WorkOs workos;

	private final EventIntake intake;

	private final ApplicationEventPublisher events;

	WebhookController(WorkOs workos, EventIntake intake, ApplicationEventPublisher events) {
		this.workos = workos;
		this.intake = intake;
		this.events = events;
	}

	@PostMapping("/webhooks/workos")
	ResponseEntity<Map<String, String>> receive(
			@RequestHeader(name = "WorkOS-Signature", required = false) @Nullable String signature,
			HttpServletRequest request) throws IOException {
		if (request.getContentLengthLong() > MAX_BODY) {
			return tooLarge();
		}
		// Read by hand, at most one byte past the limit: whatever the body claims (chunked, no or a false length),
		// nothing beyond 1 MiB is ever buffered.
		byte[] body = request.getInputStream().readNBytes(MAX_BODY + 1);
		if (body.length > MAX_BODY) {
			return tooLarge();
		}
		if (body.length == 0) {
			return answer(HttpStatus.BAD_REQUEST, "A WorkOS event body is required (at most 1 MiB).");
		}
		String payload = new String(body, StandardCharsets.UTF_8);
		DirectoryEvent event;
		try {
			event = workos.verifyWebhook(payload, signature);
		}
		catch (WebhookRejected e) {
			if (e.reason() == WebhookRejected.Reason.SIGNATURE) {
				log.warn("Refused a webhook from {}: {}", request.getRemoteAddr(), e.getMessage());
				events.publishEvent(new WebhookRefused(request.getRemoteAddr(), String.valueOf(e.getMessage())));
				return answer(HttpStatus.UNAUTHORIZED, "The WorkOS-Signature does not hold.");
			}
			log.warn("Refused a signed webhook that is not a WorkOS event: {}", e.getMessage());
			return answer(HttpStatus.BAD_REQUEST, "The body is not a WorkOS event.");
		}
		EventIntake.Outcome outcome = intake.apply(event, "webhook");
		return ResponseEntity.ok(Map.of("status", outcome.name().toLowerCase(java.util.Locale.ROOT)));
	}

	/** The rest of the body stays unread: the connection is closed rather than drained. */
	private static ResponseEntity<Map<String, String>> tooLarge() {
		return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
			.header(HttpHeaders.CONNECTION, "close")
			.body(Map.of("message", "A WorkOS event body is at most 1 MiB."));
	}

	private static ResponseEntity<Map<String, String>> answer(HttpStatus status, String message) {
		return ResponseEntity.status(status).body(Map.of("message", message));
	}

}
