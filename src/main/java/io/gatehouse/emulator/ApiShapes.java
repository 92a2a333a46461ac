package io.gatehouse.emulator;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;

/**
 * The JSON the emulator answers with, field for field as WorkOS sends it: every field the SDK requires is present and
 * non-null, timestamps carry an offset, and list envelopes end with {@code after = null}.
 */
final class ApiShapes {

	private ApiShapes() {
	}

	static String timestamp(OffsetDateTime time) {
		return DateTimeFormatter.ISO_INSTANT.format(time.toInstant());
	}

	static Map<String, Object> organization(SsoDirectory.Organization o) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("object", "organization");
		json.put("id", o.id());
		json.put("name", o.name());
		json.put("allow_profiles_outside_organization", false);
		json.put("domains", o.domains().stream().map(d -> {
			Map<String, Object> domain = new LinkedHashMap<>();
			domain.put("object", "organization_domain");
			domain.put("id", d.id());
			domain.put("organization_id", o.id());
			domain.put("domain", d.domain());
			domain.put("state", "verified");
			domain.put("verification_strategy", "manual");
			domain.put("created_at", timestamp(d.createdAt()));
			domain.put("updated_at", timestamp(d.createdAt()));
			return domain;
		}).toList());
		json.put("metadata", Map.of());
		json.put("created_at", timestamp(o.createdAt()));
		json.put("updated_at", timestamp(o.updatedAt()));
		return json;
	}

	static Map<String, Object> connection(SsoDirectory.Connection c, List<SsoDirectory.Domain> domains) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("object", "connection");
		json.put("id", c.id());
		if (c.organizationId() != null) {
			json.put("organization_id", c.organizationId());
		}
		json.put("connection_type", c.type());
		json.put("name", c.name());
		json.put("state", c.state());
		json.put("status", c.active() ? "linked" : "unlinked");
		json.put("domains", domains.stream()
			.map(d -> Map.of("object", "connection_domain", "id", d.id(), "domain", d.domain()))
			.toList());
		json.put("created_at", timestamp(c.createdAt()));
		json.put("updated_at", timestamp(c.updatedAt()));
		return json;
	}

	/**
	 * A WorkOS profile for a person signed in through a connection.
	 * @param malformed leave out the required {@code email}, to exercise the app's handling of a profile the SDK
	 * cannot read
	 */
	static Map<String, Object> profile(SsoDirectory.Connection connection, String idpId, String email,
			@Nullable String firstName, @Nullable String lastName, List<String> groups, Map<String, Object> raw,
			boolean malformed) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("object", "profile");
		json.put("id", Ids.next("prof"));
		json.put("idp_id", idpId);
		if (connection.organizationId() != null) {
			json.put("organization_id", connection.organizationId());
		}
		json.put("connection_id", connection.id());
		json.put("connection_type", connection.type());
		if (!malformed) {
			json.put("email", email);
		}
		json.put("first_name", firstName);
		json.put("last_name", lastName);
		String name = ((firstName != null ? firstName : "") + " " + (lastName != null ? lastName : "")).trim();
		json.put("name", name.isEmpty() ? null : name);
		json.put("role", Map.of("slug", "member"));
		json.put("roles", List.of(Map.of("slug", "member")));
		json.put("groups", groups);
		json.put("custom_attributes", Map.of());
		json.put("raw_attributes", raw);
		return json;
	}

	/**
	 * One page of a list, WorkOS style: {@code limit} 1-100 (default 10), {@code order} {@code asc} or
	 * {@code desc}/{@code normal} (the default, newest first), cursors are object ids.
	 * @param all every item, oldest first
	 */
	static <T> Map<String, Object> page(List<T> all, Function<T, String> id, Function<T, Map<String, Object>> shape,
			@Nullable Integer limit, @Nullable String order, @Nullable String before, @Nullable String after) {
		int size = limit != null ? limit : 10;
		if (size < 1 || size > 100) {
			throw ApiFailure.of(HttpStatus.UNPROCESSABLE_ENTITY, "invalid_request_parameters",
					"limit must be between 1 and 100.");
		}
		List<T> ordered = new ArrayList<>(all);
		if (!"asc".equals(order)) {
			java.util.Collections.reverse(ordered);
		}
		int start = 0;
		int end;
		if (after != null) {
			start = indexOf(ordered, id, after) + 1;
			end = Math.min(start + size, ordered.size());
		}
		else if (before != null) {
			end = indexOf(ordered, id, before);
			start = Math.max(0, end - size);
		}
		else {
			end = Math.min(size, ordered.size());
		}
		List<T> slice = ordered.subList(start, end);
		Map<String, Object> metadata = new LinkedHashMap<>();
		metadata.put("before", start > 0 && !slice.isEmpty() ? id.apply(slice.get(0)) : null);
		metadata.put("after", end < ordered.size() && !slice.isEmpty() ? id.apply(slice.get(slice.size() - 1)) : null);
		Map<String, Object> envelope = new LinkedHashMap<>();
		envelope.put("object", "list");
		envelope.put("data", slice.stream().map(shape).toList());
		envelope.put("list_metadata", metadata);
		return envelope;
	}

	private static <T> int indexOf(List<T> items, Function<T, String> id, String cursor) {
		for (int i = 0; i < items.size(); i++) {
			if (id.apply(items.get(i)).equals(cursor)) {
				return i;
			}
		}
		throw ApiFailure.of(HttpStatus.UNPROCESSABLE_ENTITY, "invalid_request_parameters",
				"The cursor '" + cursor + "' does not name an object of this list.");
	}

}
