package io.gatehouse.rules;

import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class RuleValidatorTests {

	final RuleValidator validator = new RuleValidator(JsonMapper.builder().build());

	RuleDraft draft(LoginMethod method, String pattern) {
		return RuleDraft.of("Rule", method, 10, true, pattern, "", "", "", JitMode.OFF, "", "", false, "", false);
	}

	Map<String, String> errors(RuleDraft draft) {
		return validator.validate(draft);
	}

	@Test
	void acceptsAPlainPasswordRule() {
		assertThat(errors(draft(LoginMethod.PASSWORD, ".*"))).isEmpty();
	}

	@Test
	void rejectsPatternThatDoesNotCompile() {
		assertThat(errors(draft(LoginMethod.PASSWORD, "([a-z"))).containsKey("emailPattern");
	}

	@Test
	void rejectsARuleThatAppliesToNobody() {
		assertThat(errors(draft(LoginMethod.PASSWORD, ""))).containsEntry("emailPattern",
				"The rule applies to nobody: give an email pattern or lookup attributes (or JIT for any login).");
	}

	@Test
	void rejectsUnknownLookupKeysAndBadJson() {
		RuleDraft unknownKey = RuleDraft.of("R", LoginMethod.PASSWORD, 1, true, "", "{\"shoe_size\": 42}", "", "",
				JitMode.OFF, "", "", false, "", false);
		RuleDraft badJson = RuleDraft.of("R", LoginMethod.PASSWORD, 1, true, "", "{groups: [", "", "", JitMode.OFF, "",
				"", false, "", false);

		assertThat(errors(unknownKey).get("lookupAttributes")).contains("Unknown lookup key \"shoe_size\"");
		assertThat(errors(badJson).get("lookupAttributes")).startsWith("This is not valid JSON");
	}

	@Test
	void ssoNeedsExactlyOneOfConnectionAndOrganisation() {
		RuleDraft neither = draft(LoginMethod.SSO, "@acme");
		RuleDraft both = RuleDraft.of("R", LoginMethod.SSO, 1, true, "@acme", "", "conn_1", "org_1", JitMode.OFF, "", "",
				false, "", false);
		RuleDraft one = RuleDraft.of("R", LoginMethod.SSO, 1, true, "@acme", "", "", "org_1", JitMode.OFF, "", "", false,
				"", false);

		assertThat(errors(neither)).containsKey("connectionId");
		assertThat(errors(both)).containsKey("connectionId");
		assertThat(errors(one)).isEmpty();
	}

	@Test
	void totpIssuerOnlyAndAlwaysOnMfaRules() {
		assertThat(errors(draft(LoginMethod.PASSWORD_MFA, ".*"))).containsKey("totpIssuer");
		RuleDraft issuerOnPassword = RuleDraft.of("R", LoginMethod.PASSWORD, 1, true, ".*", "", "", "", JitMode.OFF, "",
				"", false, "Acme", false);
		assertThat(errors(issuerOnPassword)).containsKey("totpIssuer");
	}

	@Test
	void jitAndSavedAttributesOnlyOnExternalMethods() {
		RuleDraft jitPassword = RuleDraft.of("R", LoginMethod.PASSWORD, 1, true, ".*", "", "", "", JitMode.ANY, "", "",
				false, "", false);
		RuleDraft savedPassword = RuleDraft.of("R", LoginMethod.PASSWORD, 1, true, ".*", "", "", "", JitMode.OFF, "",
				"{\"first_name\": \"x\"}", false, "", false);

		assertThat(errors(jitPassword)).containsKey("jitMode");
		assertThat(errors(savedPassword)).containsKey("savedAttributes");
	}

	@Test
	void savedAttributesNeedKnownKeysAndValidTemplates() {
		RuleDraft bad = RuleDraft.of("R", LoginMethod.SSO, 1, true, "@acme", "", "", "org_1", JitMode.MATCHING_PATTERN,
				"", "{\"nickname\": \"x\", \"first_name\": \"{{ profile.first_name\", \"last_name\": \"{{user.password}}\"}",
				false, "", false);

		String message = errors(bad).get("savedAttributes");
		assertThat(message).contains("unknown key \"nickname\"").contains("unbalanced").contains("{{user.password}}");
	}

}
