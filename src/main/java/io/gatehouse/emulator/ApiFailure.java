package io.gatehouse.emulator;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** An emulated WorkOS API error: a status and a body shaped as WorkOS shapes it. */
class ApiFailure extends RuntimeException {

	private final HttpStatus status;

	private final Map<String, Object> body;

	private ApiFailure(HttpStatus status, Map<String, Object> body) {
		super(String.valueOf(body), null, false, false);
		this.status = status;
		this.body = body;
	}

	/** The usual WorkOS error: {@code {"code", "message"}}. */
	static ApiFailure of(HttpStatus status, String code, String message) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("code", code);
		body.put("message", message);
		return new ApiFailure(status, body);
	}

	/** The OAuth-style error of the token endpoint: {@code {"error", "error_description"}}. */
	static ApiFailure oauth(String error, String description) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("error", error);
		body.put("error_description", description);
		return new ApiFailure(HttpStatus.BAD_REQUEST, body);
	}

	/** An unknown, expired or already used authorization code. The real API does not say which. */
	static ApiFailure invalidGrant() {
		return oauth("invalid_grant", "The code has expired or is invalid.");
	}

	static ApiFailure notFound(String what, String id) {
		return of(HttpStatus.NOT_FOUND, "entity_not_found", what + " '" + id + "' not found.");
	}

	@RestControllerAdvice(annotations = EmulatorApi.class)
	@LocalModeOnly
	static class Handler {

		@ExceptionHandler
		ResponseEntity<Map<String, Object>> on(ApiFailure failure) {
			return ResponseEntity.status(failure.status).contentType(MediaType.APPLICATION_JSON).body(failure.body);
		}

	}

}
