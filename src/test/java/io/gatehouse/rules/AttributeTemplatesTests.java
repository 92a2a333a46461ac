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

}
