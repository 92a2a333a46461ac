package io.gatehouse.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import tools.jackson.databind.json.JsonMapper;

/**
 * Sends WorkOS-shaped webhooks to the app as WorkOS does: the exact body signed with HMAC-SHA256 in a
 * {@code WorkOS-Signature: t=<ms>, v1=<hex>} header. Also builds the events' {@code data} objects.
 */
public final class SignedWebhooks {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	private final int port;

	private final String secret;

	/** @param secret the secret the app verifies with: local mode's, random per install ({@link #localSecret}) */
	public SignedWebhooks(int port, String secret) {
		this.port = port;
		this.secret = secret;
	}

	/** The webhook secret of an app running in local mode (random per install). */
	public static String localSecret(org.springframework.context.ApplicationContext app) {
		return app.getBean(io.gatehouse.settings.GatehouseSettings.class).local().emulatorWebhookSecret();
	}

	/** Sends an event, signed now with the app's secret; returns the HTTP status. */
	public int send(String body) {
		return send(body, signature(body, System.currentTimeMillis(), secret));
	}

	/** Signs a body now with the app's secret, as the header value. */
	public String signatureNow(String body) {
		return signature(body, System.currentTimeMillis(), secret);
	}

	/** The secret this sender signs with. */
	public String secret() {
		return secret;
	}

	public int send(String body, @org.jspecify.annotations.Nullable String signatureHeader) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/webhooks/workos"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body));
		if (signatureHeader != null) {
			request.header("WorkOS-Signature", signatureHeader);
		}
		try {
			return HTTP.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}

	public static String signature(String body, long millis, String secret) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			byte[] digest = mac.doFinal((millis + "." + body).getBytes(StandardCharsets.UTF_8));
			StringBuilder hex = new StringBuilder();
			for (byte b : digest) {
				hex.append(String.format("%02x", b));
			}
			return "t=" + millis + ", v1=" + hex;
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}

	/** An event envelope with a fresh id. */
	public static String event(String name, Map<String, Object> data, Instant at) {
		Map<String, Object> event = new LinkedHashMap<>();
		event.put("object", "event");
		event.put("id", "event_" + UUID.randomUUID().toString().replace("-", "").toUpperCase());
		event.put("event", name);
		event.put("data", data);
		event.put("created_at", timestamp(at));
		return JSON.writeValueAsString(event);
	}

	/** A directory user as events carry it (no groups). */
	public static Map<String, Object> user(String id, String directoryId, String organizationId, String email,
			String firstName, String lastName, String state, Instant updatedAt) {
		Map<String, Object> user = new LinkedHashMap<>();
		user.put("object", "directory_user");
		user.put("id", id);
		user.put("directory_id", directoryId);
		user.put("organization_id", organizationId);
		user.put("idp_id", "idp-" + id);
		user.put("email", email);
		user.put("emails", List.of(Map.of("primary", true, "type", "work", "value", email)));
		user.put("first_name", firstName);
		user.put("last_name", lastName);
		user.put("state", state);
		user.put("custom_attributes", Map.of());
		user.put("raw_attributes", Map.of());
		user.put("created_at", timestamp(updatedAt));
		user.put("updated_at", timestamp(updatedAt));
		return user;
	}

	public static Map<String, Object> group(String id, String directoryId, String organizationId, String name,
			Instant updatedAt) {
		Map<String, Object> group = new LinkedHashMap<>();
		group.put("object", "directory_group");
		group.put("id", id);
		group.put("idp_id", "idp-" + id);
		group.put("directory_id", directoryId);
		group.put("organization_id", organizationId);
		group.put("name", name);
		group.put("created_at", timestamp(updatedAt));
		group.put("updated_at", timestamp(updatedAt));
		group.put("raw_attributes", Map.of());
		return group;
	}

	public static Map<String, Object> membership(Map<String, Object> user, Map<String, Object> group) {
		return Map.of("directory_id", user.get("directory_id"), "user", user, "group", group);
	}

	static String timestamp(Instant at) {
		return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(OffsetDateTime.ofInstant(at, ZoneOffset.UTC).withNano(at.getNano() / 1_000_000 * 1_000_000));
	}

}
