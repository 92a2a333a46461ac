package io.gatehouse.account;

import java.util.Arrays;
import java.util.List;

import io.gatehouse.account.PasswordPolicy.Refusal;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordPolicyTests {

	static final List<String> NOBODY = List.of();

	@Nested
	class Length {

		@Test
		void refusesFourteenCharactersWhenThePasswordIsTheOnlyFactor() {
			assertThat(PasswordPolicy.check("kettle-zebra-1", false, NOBODY)).contains(Refusal.TOO_SHORT_ONLY_FACTOR);
			assertThat(PasswordPolicy.check("kettle-zebra-12", false, NOBODY)).isEmpty();
		}

		@Test
		void acceptsEightCharactersWhenTheRuleAddsASecondFactor() {
			assertThat(PasswordPolicy.check("kqzmvxpl", true, NOBODY)).isEmpty();
			assertThat(PasswordPolicy.check("kqzmvxp", true, NOBODY)).contains(Refusal.TOO_SHORT_WITH_SECOND_FACTOR);
		}

		@Test
		void countsCharactersNotUtf16Units() {
			String sevenEmoji = "🐢🦒🐙🦔🐝🦉🐌";
			assertThat(sevenEmoji.length()).isEqualTo(14);
			assertThat(PasswordPolicy.check(sevenEmoji, true, NOBODY)).contains(Refusal.TOO_SHORT_WITH_SECOND_FACTOR);
		}

		@Test
		void refusesMoreThan256Characters() {
			assertThat(PasswordPolicy.check("k7#mQ2zx".repeat(33), false, NOBODY)).contains(Refusal.TOO_LONG);
		}

		@Test
		void needsNoDigitsSymbolsOrCapitals() {
			assertThat(PasswordPolicy.check("zebra kettle umbrella", false, NOBODY)).isEmpty();
		}

	}

	@Nested
	class Common {

		@Test
		void refusesPasswordsFromTheBreachedListAndTheirEasyVariants() {
			for (String common : List.of("password1234567", "Password123456789", "P@ssw0rd12345678", "123456789012345",
					"qwertyuiopasdfgh", "aaaaaaaaaaaaaaa", "iloveyouiloveyou", "1qaz2wsx3edc4rfv", "letmein12345678",
					"correct horse battery staple", "passwordpassword")) {
				assertThat(PasswordPolicy.check(common, false, NOBODY)).as(common).contains(Refusal.COMMON);
			}
			assertThat(PasswordPolicy.check("sunshine", true, NOBODY)).contains(Refusal.COMMON);
			assertThat(PasswordPolicy.check("hello123", true, NOBODY)).contains(Refusal.COMMON);
		}

		@Test
		void acceptsPassphrasesAndRandomPasswords() {
			for (String fine : List.of("zebra-kettle-umbrella", "gatehouse-demo-password", "the-first-chosen-phrase",
					"Tr0ub4dor&3-horse", "k7#mQ2zxLp0v9wYe")) {
				assertThat(PasswordPolicy.check(fine, false, NOBODY)).as(fine).isEmpty();
			}
		}

		@Test
		void aLongRepeatIsJudgedQuickly() {
			long start = System.nanoTime();
			assertThat(PasswordPolicy.check("x".repeat(256), false, NOBODY)).contains(Refusal.COMMON);
			assertThat(java.time.Duration.ofNanos(System.nanoTime() - start)).isLessThan(java.time.Duration.ofSeconds(3));
		}

	}

	@Nested
	class Personal {

		@Test
		void refusesTheEmailItsLocalPartOrTheUsernameInsideThePassword() {
			List<String> ada = Arrays.asList("Ada.Lovelace@acme.test", "countess");
			assertThat(PasswordPolicy.check("ada.lovelace@acme.test", false, ada)).contains(Refusal.PERSONAL);
			assertThat(PasswordPolicy.check("i-am-ADA.LOVELACE-really", false, ada)).contains(Refusal.PERSONAL);
			assertThat(PasswordPolicy.check("the-countess-of-numbers", false, ada)).contains(Refusal.PERSONAL);
			assertThat(PasswordPolicy.check("analytical-engine-notes", false, ada)).isEmpty();
		}

		@Test
		void ignoresMissingValues() {
			assertThat(PasswordPolicy.check("analytical-engine-notes", false, Arrays.asList(null, " "))).isEmpty();
		}

	}

}
