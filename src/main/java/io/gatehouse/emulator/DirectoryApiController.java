package io.gatehouse.emulator;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The emulated Directory Sync API: directories, users and groups with WorkOS's cursor pagination, and WorkOS's rate
 * limit on user listing (per directory, {@code gatehouse.local.emulator-directory-rate-limit} requests per second; 0
 * turns it off), answered with 429 and {@code Retry-After: 1}.
 */
@RestController
@EmulatorApi
@LocalModeOnly
@RequestMapping("/emulator")
class DirectoryApiController {

	private final DirectoryStore store;

	private final int rateLimit;

	/** Per directory: the second of the window and the requests counted in it. */
	private final Map<String, long[]> windows = new ConcurrentHashMap<>();

	DirectoryApiController(DirectoryStore store, EmulatorSettings settings) {
		this.store = store;
		this.rateLimit = settings.emulatorDirectoryRateLimit();
	}

	@GetMapping("/directories")
	Map<String, Object> directories(@RequestParam(required = false) @Nullable Integer limit,
			@RequestParam(required = false) @Nullable String order,
			@RequestParam(required = false) @Nullable String before,
			@RequestParam(required = false) @Nullable String after,
			@RequestParam(name = "organization_id", required = false) @Nullable String organizationId) {
		return ApiShapes.page(store.directories(organizationId), d -> (String) d.get("id"), d -> d, limit, order, before,
				after);
	}

	@GetMapping("/directories/{id}")
	Map<String, Object> directory(@PathVariable String id) {
		return store.directory(id).orElseThrow(() -> ApiFailure.notFound("Directory", id));
	}

	@GetMapping("/directory_users")
	ResponseEntity<Map<String, Object>> users(@RequestParam(required = false) @Nullable Integer limit,
			@RequestParam(required = false) @Nullable String order,
			@RequestParam(required = false) @Nullable String before,
			@RequestParam(required = false) @Nullable String after,
			@RequestParam(required = false) @Nullable String directory,
			@RequestParam(required = false) @Nullable String group) {
		if (directory == null && group == null) {
			throw ApiFailure.of(HttpStatus.UNPROCESSABLE_ENTITY, "invalid_request_parameters",
					"Either directory or group is required.");
		}
		int size = limit != null ? limit : 10;
		if (size < 1 || size > 100) {
			throw ApiFailure.of(HttpStatus.UNPROCESSABLE_ENTITY, "invalid_request_parameters", "limit must be between 1 and 100.");
		}
		String scope = directory != null ? directory : store.directoryOfGroup(group).orElse(group);
		if (!allowed(scope)) {
			return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
				.header("Retry-After", "1")
				.body(Map.of("code", "rate_limit_exceeded", "message", "Too many requests for this directory."));
		}
		return ResponseEntity.ok(store.users(directory, directory == null ? group : null, size, "asc".equals(order), before, after));
	}

	@GetMapping("/directory_users/{id}")
	Map<String, Object> user(@PathVariable String id) {
		return store.user(id).orElseThrow(() -> ApiFailure.notFound("Directory User", id));
	}

	@GetMapping("/directory_groups")
	Map<String, Object> groups(@RequestParam(required = false) @Nullable Integer limit,
			@RequestParam(required = false) @Nullable String order,
			@RequestParam(required = false) @Nullable String before,
			@RequestParam(required = false) @Nullable String after,
			@RequestParam(required = false) @Nullable String directory,
			@RequestParam(required = false) @Nullable String user) {
		if (directory == null && user == null) {
			throw ApiFailure.of(HttpStatus.UNPROCESSABLE_ENTITY, "invalid_request_parameters",
					"Either directory or user is required.");
		}
		return ApiShapes.page(store.groups(directory, user), g -> (String) g.get("id"), g -> g, limit, order, before, after);
	}

	@GetMapping("/directory_groups/{id}")
	Map<String, Object> group(@PathVariable String id) {
		return store.group(id).orElseThrow(() -> ApiFailure.notFound("Directory Group", id));
	}

	/** A fixed one-second window per directory. */
	private boolean allowed(String directoryId) {
		if (rateLimit <= 0) {
			return true;
		}
		long second = System.currentTimeMillis() / 1000;
		long[] window = windows.computeIfAbsent(directoryId, d -> new long[] { second, 0 });
		synchronized (window) {
			if (window[0] != second) {
				window[0] = second;
				window[1] = 0;
			}
			return ++window[1] <= rateLimit;
		}
	}

}
