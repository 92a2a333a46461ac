package io.gatehouse.emulator;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The emulated Events API, {@code GET /events}: the recorded events, oldest first by default, filtered by name
 * ({@code events} as one comma list, repeated, or {@code events[]}), time range and organisation, with the event id
 * of the last item as the {@code after} cursor. Items are the exact JSON the webhooks carried.
 */
@RestController
@EmulatorApi
@LocalModeOnly
class EventsApiController {

	private final DirectoryEvents events;

	EventsApiController(DirectoryEvents events) {
		this.events = events;
	}

	@GetMapping(path = "/emulator/events", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<String> events(HttpServletRequest request, @RequestParam(required = false) @Nullable String limit,
			@RequestParam(required = false) @Nullable String order,
			@RequestParam(required = false) @Nullable String after,
			@RequestParam(name = "range_start", required = false) @Nullable String rangeStart,
			@RequestParam(name = "range_end", required = false) @Nullable String rangeEnd,
			@RequestParam(name = "organization_id", required = false) @Nullable String organizationId) {
		int size = limit(limit);
		boolean ascending = order == null || order.isBlank() || "asc".equals(order);
		if (!ascending && !"desc".equals(order) && !"normal".equals(order)) {
			throw invalid("order must be asc, desc or normal.");
		}
		Long afterSeq = null;
		if (after != null && !after.isBlank()) {
			afterSeq = events.seqOf(after).orElseThrow(() -> invalid("The cursor '" + after + "' does not name an event."));
		}
		DirectoryEvents.Query query = new DirectoryEvents.Query(names(request), afterSeq, ascending,
				time("range_start", rangeStart), time("range_end", rangeEnd),
				organizationId == null || organizationId.isBlank() ? null : organizationId, size);
		List<DirectoryEvents.Event> found = new ArrayList<>(events.find(query));
		boolean more = found.size() > size;
		if (more) {
			found.remove(found.size() - 1);
		}
		String last = more ? found.get(found.size() - 1).id() : null;
		StringBuilder body = new StringBuilder("{\"object\":\"list\",\"data\":[");
		for (int i = 0; i < found.size(); i++) {
			body.append(i == 0 ? "" : ",").append(found.get(i).body());
		}
		body.append("],\"list_metadata\":{\"before\":null,\"after\":")
			.append(last == null ? "null" : "\"" + last + "\"")
			.append("}}");
		return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(body.toString());
	}

	private static List<String> names(HttpServletRequest request) {
		return Stream.of("events", "events[]")
			.map(request::getParameterValues)
			.filter(values -> values != null)
			.flatMap(Arrays::stream)
			.flatMap(value -> Arrays.stream(value.split(",")))
			.map(String::trim)
			.filter(name -> !name.isEmpty())
			.distinct()
			.toList();
	}

	private static int limit(@Nullable String limit) {
		if (limit == null || limit.isBlank()) {
			return 10;
		}
		try {
			int size = Integer.parseInt(limit.trim());
			if (size >= 1 && size <= 100) {
				return size;
			}
		}
		catch (NumberFormatException e) {
			// answered below, as for a number out of range
		}
		throw invalid("limit must be between 1 and 100.");
	}

	private static @Nullable OffsetDateTime time(String name, @Nullable String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return OffsetDateTime.parse(value.trim());
		}
		catch (DateTimeParseException e) {
			throw invalid(name + " must be an ISO-8601 timestamp with an offset, like 2026-03-02T10:15:30Z.");
		}
	}

	private static ApiFailure invalid(String message) {
		return ApiFailure.of(HttpStatus.UNPROCESSABLE_ENTITY, "invalid_request_parameters", message);
	}

}
