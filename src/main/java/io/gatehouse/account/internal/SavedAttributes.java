package io.gatehouse.account.internal;

import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a rule's resolved saved attributes onto an account: names, username, active and admin flags (booleans only:
 * never a value from the provider), groups (the set is replaced), free attributes (merged) and the organisation link. {@code ~organization} links, creating the
 * organisation if absent; {@code !organization} requires it to exist.
 */
public final class SavedAttributes {

	/** The organisation a {@code !organization} lookup requires does not exist. */
	public static final class OrganizationMissing extends RuntimeException {

		OrganizationMissing(String message) {
			super(message);
		}

	}

	private SavedAttributes() {
	}

	public static void apply(Map<String, Object> saved, UserAccount user, JsonMapper json,
			Function<Map<String, String>, Optional<Organization>> findOrganization,
			Function<String, Organization> createOrganization) {
		saved.forEach((key, value) -> {
			switch (key) {
				case "username" -> user.setUsername(text(value));
				case "first_name" -> user.setNames(text(value), user.getLastName());
				case "last_name" -> user.setNames(user.getFirstName(), text(value));
				// Constants only (the rules module resolves them to booleans); anything else came from a claim.
				case "is_active" -> {
					if (value instanceof Boolean active) {
						user.setActive(active);
					}
				}
				case "is_admin" -> {
					if (value instanceof Boolean admin) {
						user.setAdmin(admin);
					}
				}
				case "groups" -> user.replaceGroups(list(value));
				case "attributes" -> {
					if (value instanceof Map<?, ?> extra) {
						Map<String, Object> merged = new LinkedHashMap<>(json.readValue(user.getAttributes(),
								new TypeReference<Map<String, Object>>() {
								}));
						extra.forEach((k, v) -> merged.put(String.valueOf(k), v));
						user.setAttributes(json.writeValueAsString(merged));
					}
				}
				case "organization" -> {
					String ref = text(value);
					if (ref != null) {
						findOrganization.apply(Map.of("name", ref)).or(() -> findOrganization.apply(Map.of("workos_id", ref)))
							.ifPresent(user::setOrganization);
					}
				}
				case "~organization", "!organization" -> {
					Map<String, String> lookup = new LinkedHashMap<>();
					if (value instanceof Map<?, ?> map) {
						map.forEach((k, v) -> {
							String t = text(v);
							if (t != null) {
								lookup.put(String.valueOf(k), t);
							}
						});
					}
					Optional<Organization> found = lookup.isEmpty() ? Optional.empty() : findOrganization.apply(lookup);
					if (found.isPresent()) {
						user.setOrganization(found.get());
					}
					else if (key.startsWith("!")) {
						throw new OrganizationMissing("No organisation matches " + lookup.keySet());
					}
					else if (lookup.containsKey("name")) {
						user.setOrganization(createOrganization.apply(lookup.get("name")));
					}
				}
				default -> {
					// validated at save time: no other keys reach here
				}
			}
		});
	}

	private static @Nullable String text(@Nullable Object value) {
		if (value == null) {
			return null;
		}
		String text = value instanceof Collection<?> c ? String.join(",", c.stream().map(String::valueOf).toList())
				: String.valueOf(value).trim();
		return text.isEmpty() ? null : text;
	}

	private static List<String> list(@Nullable Object value) {
		if (value instanceof Collection<?> c) {
			return c.stream().map(String::valueOf).toList();
		}
		String text = text(value);
		return text == null ? List.of() : Arrays.asList(text.split(","));
	}


}
