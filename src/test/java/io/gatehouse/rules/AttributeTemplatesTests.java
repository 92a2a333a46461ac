package io.gatehouse.rules;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AttributeTemplatesTests {

	final Map<String, Object> profile = Map.of("first_name", "Ada", "last_name", "Lovelace", "groups",
			List.of("Engineering", "Admins"), "raw_attributes", Map.of("department", "R&D <Labs>", "level", 3));

	@Test
	void interpolatesProfilePaths() {
		Map<String, Object> resolved = AttributeTemplates.resolve(
				Map.of("username", "{{profile.first_name}}.{{ profile.last_name }}", "attributes",
						Map.of("department", "{{profile.raw_attributes.department}}")),
				profile);

		assertThat(resolved.get("username")).isEqualTo("Ada.Lovelace");
		assertThat(resolved.get("attributes")).isEqualTo(Map.of("department", "R&D <Labs>"));
	}

	@Test
	void doubleHashTakesTheRawTypedValue() {
		assertThat(AttributeTemplates.resolve(Map.of("groups", "##profile.groups"), profile).get("groups"))
			.isEqualTo(List.of("Engineering", "Admins"));
		assertThat(AttributeTemplates.resolve(Map.of("groups", "##profile.raw_attributes.level"), profile).get("groups"))
			.isEqualTo(3);
	}

	@Test
	void missingPathsBecomeEmptyText() {
		assertThat(AttributeTemplates.resolve(Map.of("first_name", "{{profile.raw_attributes.nope}}"), profile))
			.containsEntry("first_name", "");
	}

	@Test
	void onlyOneOrganisationFormAndKnownLookupKeys() {
		assertThat(AttributeTemplates.problems(Map.of("~organization", Map.of("name", "x"), "!organization",
				Map.of("name", "y")))).anyMatch(p -> p.contains("only one of"));
		assertThat(AttributeTemplates.problems(Map.of("~organization", Map.of("colour", "x"))))
			.anyMatch(p -> p.contains("cannot look up by \"colour\""));
	}

	@Test
	void isAdminAndIsActiveTakeOnlyConstants() {
		assertThat(AttributeTemplates.problems(Map.of("is_admin", "{{profile.raw_attributes.is_admin}}")))
			.containsExactly("\"is_admin\" must be true or false: it cannot come from the identity provider's claims");
		assertThat(AttributeTemplates.problems(Map.of("is_active", "##profile.raw_attributes.active"))).hasSize(1);
		assertThat(AttributeTemplates.problems(Map.of("is_admin", 1))).hasSize(1);
		assertThat(AttributeTemplates.problems(Map.of("is_admin", true, "is_active", "false"))).isEmpty();
	}

	@Test
	void storedTemplatesForIsAdminOrIsActiveAreIgnoredAtSignIn() {
		Map<String, Object> hostile = Map.of("is_admin", true, "is_active", true);
		Map<String, Object> resolved = AttributeTemplates.resolve(Map.of("is_admin", "{{profile.raw_attributes.is_admin}}",
				"is_active", "##profile.raw_attributes.is_active", "first_name", "{{profile.first_name}}"),
				Map.of("first_name", "Mallory", "raw_attributes", hostile));

		assertThat(resolved).containsOnlyKeys("first_name");
		assertThat(AttributeTemplates.resolve(Map.of("is_admin", "true", "is_active", false), profile))
			.containsEntry("is_admin", true)
			.containsEntry("is_active", false);
	}

	@Test
	void grantsAdminOnlyForAConstantTrue() {
		assertThat(AttributeTemplates.grantsAdmin(Map.of("is_admin", true))).isTrue();
		assertThat(AttributeTemplates.grantsAdmin(Map.of("is_admin", "TRUE"))).isTrue();
		assertThat(AttributeTemplates.grantsAdmin(Map.of("is_admin", false))).isFalse();
		assertThat(AttributeTemplates.grantsAdmin(Map.of("first_name", "x"))).isFalse();
	}

}
