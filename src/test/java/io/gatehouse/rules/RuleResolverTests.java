package io.gatehouse.rules;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RuleResolverTests {

	static CompiledRule rule(long id, int priority, LoginMethod method, String pattern, Map<String, Object> lookup,
			JitMode jit) {
		return new CompiledRule(id, "rule " + id, method, priority, true,
				pattern == null ? null : Pattern.compile(pattern, Pattern.CASE_INSENSITIVE), lookup,
				method == LoginMethod.SSO ? "conn_acme" : null, null, jit, List.of(), Map.of(), false, null, false);
	}

	static UserFacts user(String email, Set<String> groups) {
		return new UserFacts(email, true, false, false, false, groups, Set.of(), "org_acme", "Acme");
	}

	final CompiledRule contractors = rule(1, 10, LoginMethod.PASSWORD_MFA, null, Map.of("groups", List.of("Contractors")),
			JitMode.OFF);

	final CompiledRule acmeSso = rule(2, 20, LoginMethod.SSO, "@acme\\.test$", Map.of(), JitMode.MATCHING_PATTERN);

	final CompiledRule everyone = rule(3, 100, LoginMethod.PASSWORD, ".*", Map.of(), JitMode.OFF);

	final List<CompiledRule> rules = List.of(contractors, acmeSso, everyone);

	@Test
	void resolvesLowestPriorityRuleThatApplies() {
		assertThat(RuleResolver.forUser(rules, user("ada@acme.test", Set.of())).orElseThrow().ruleId()).isEqualTo(2);
		assertThat(RuleResolver.forUser(rules, user("bob@other.test", Set.of())).orElseThrow().ruleId()).isEqualTo(3);
	}

	@Test
	void lookupAttributesApplyEvenWhenThePatternDoesNot() {
		RuleDecision decision = RuleResolver.forUser(rules, user("ada@acme.test", Set.of("contractors"))).orElseThrow();

		assertThat(decision.ruleId()).isEqualTo(1);
		assertThat(decision.mfaRequired()).isTrue();
	}

	@Test
	void patternIsACaseInsensitiveSearchNotAnchoredUnlessTheAdminAnchors() {
		CompiledRule unanchored = rule(9, 1, LoginMethod.PASSWORD, "acme", Map.of(), JitMode.OFF);

		assertThat(RuleResolver.forUser(List.of(unanchored), user("Ada@ACME.test", Set.of()))).isPresent();
		assertThat(RuleResolver.forUser(List.of(acmeSso), user("ada@acme.test.evil.example", Set.of()))).isEmpty();
	}

	@Test
	void unknownUsernamesOnlyMatchJitRules() {
		assertThat(RuleResolver.forUnknown(rules, "new.hire@acme.test").orElseThrow().ruleId()).isEqualTo(2);
		assertThat(RuleResolver.forUnknown(rules, "stranger@other.test")).isEmpty();
	}

	@Test
	void inactiveUsersAreTreatedAsUnknown() {
		UserFacts inactive = new UserFacts("bob@other.test", false, false, false, false, Set.of("Contractors"), Set.of(),
				null, null);

		assertThat(RuleResolver.forUser(rules, inactive)).isEmpty();
	}

	@Test
	void anEnrolledFactorAddsTheMfaStepExceptOnExternalRules() {
		UserFacts withFactor = new UserFacts("bob@other.test", true, false, true, false, Set.of(), Set.of(), null, null);
		UserFacts acmeWithFactor = new UserFacts("ada@acme.test", true, false, true, false, Set.of(), Set.of(), null, null);

		assertThat(RuleResolver.forUser(rules, withFactor).orElseThrow().mfaRequired()).isTrue();
		assertThat(RuleResolver.forUser(rules, acmeWithFactor).orElseThrow().mfaRequired()).isFalse();
	}

	@Test
	void booleanAndOrganisationLookupsMustAllHold() {
		CompiledRule admins = rule(5, 1, LoginMethod.PASSWORD, null, Map.of("is_admin", true, "organization", "acme"),
				JitMode.OFF);
		UserFacts admin = new UserFacts("root@acme.test", true, true, false, false, Set.of(), Set.of(), "org_acme", "Acme");
		UserFacts notAdmin = user("ada@acme.test", Set.of());

		assertThat(RuleResolver.forUser(List.of(admins), admin)).isPresent();
		assertThat(RuleResolver.forUser(List.of(admins), notAdmin)).isEmpty();
	}

	@Nested
	class NewProfiles {

		@Test
		void jitForMatchingPatternNeedsTheEmailToMatch() {
			assertThat(RuleResolver.forNewProfile(rules, "ada@acme.test", "conn_acme", "org_acme", "OktaSAML")).isPresent();
			assertThat(RuleResolver.forNewProfile(rules, "ada@elsewhere.test", "conn_acme", "org_acme", "OktaSAML"))
				.isEmpty();
		}

		@Test
		void jitOnlyForTheRulesOwnProvider() {
			assertThat(RuleResolver.forNewProfile(rules, "ada@acme.test", "conn_globex", "org_globex", "AzureSAML"))
				.isEmpty();
		}

		@Test
		void jitForAnyLoginAcceptsEveryoneFromTheProvider() {
			CompiledRule google = rule(7, 5, LoginMethod.GOOGLE_OAUTH, null, Map.of(), JitMode.ANY);

			assertThat(RuleResolver.forNewProfile(List.of(google), "x@gmail.test", "conn_g", null, "GoogleOAuth")).isPresent();
			assertThat(RuleResolver.forNewProfile(List.of(google), "x@gmail.test", "conn_m", null, "MicrosoftOAuth"))
				.isEmpty();
		}

	}

	@Test
	void explainsEveryRuleAndMarksTheWinner() {
		List<RuleExplanation> lines = RuleResolver.explain(rules, user("ada@acme.test", Set.of()), "ada@acme.test");

		assertThat(lines).extracting(RuleExplanation::matched).containsExactly(false, true, true);
		assertThat(lines).extracting(RuleExplanation::chosen).containsExactly(false, true, false);
		assertThat(lines.get(0).reason()).contains("lookup attribute groups does not hold");
		assertThat(lines.get(1).reason()).contains("email matches @acme\\.test$");
	}

}
