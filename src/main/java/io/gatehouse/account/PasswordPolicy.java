package io.gatehouse.account;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import me.gosimple.nbvcxz.Nbvcxz;
import me.gosimple.nbvcxz.resources.ConfigurationBuilder;
import me.gosimple.nbvcxz.resources.Dictionary;
import me.gosimple.nbvcxz.resources.DictionaryUtil;
import org.jspecify.annotations.Nullable;

/**
 * What a new password must be (NIST SP 800-63B-4, section 3.1.1.2), wherever one is chosen: the account page, a reset
 * link, {@code GATEHOUSE_ADMIN_PASSWORD}.
 * <ul>
 * <li>At least {@value #MIN_LENGTH_ONLY_FACTOR} characters when the password is the person's only factor, at least
 * {@value #MIN_LENGTH_WITH_SECOND_FACTOR} when their rule adds a second factor; at most {@value #MAX_LENGTH}. Length
 * counts Unicode code points, and every character is allowed (spaces too).</li>
 * <li>Not one of the most common or breached passwords: nbvcxz's ranked list of 100,000 passwords from breaches,
 * found also inside longer passwords, with case and "l33t" changes, repeats, sequences, keyboard walks and years
 * (nbvcxz's matchers). A password is refused when nbvcxz finds it within about a million guesses
 * ({@value #MIN_ENTROPY_BITS} bits), which is the list itself with a little decoration: "password1234567",
 * "P@ssw0rd12345678", "iloveyou12345678" are refused; "zebra-kettle-umbrella" is not.</li>
 * <li>Not the person's email, its local part or username, nor containing them.</li>
 * </ul>
 * No composition rules (digits, symbols, upper case), as NIST requires.
 */
public final class PasswordPolicy {

	/** The shortest password that is a person's only factor. */
	public static final int MIN_LENGTH_ONLY_FACTOR = 15;

	/** The shortest password when the person's rule adds a second factor. */
	public static final int MIN_LENGTH_WITH_SECOND_FACTOR = 8;

	public static final int MAX_LENGTH = 256;

	/** log2 of the fewest guesses a password must take against the common-password list and its patterns. */
	static final double MIN_ENTROPY_BITS = 20;

	/** Only the start of a long password is estimated: the estimate's cost grows with the length. */
	private static final int ESTIMATED_LENGTH = 64;

	/** Personal words shorter than this are only refused as the whole password. */
	private static final int MIN_PERSONAL_WORD = 4;

	/** Why a password was refused, with the message code that says so on a form. */
	public enum Refusal {

		TOO_SHORT_ONLY_FACTOR("password.policy.too-short.only-factor",
				"it is shorter than " + MIN_LENGTH_ONLY_FACTOR + " characters"),
		TOO_SHORT_WITH_SECOND_FACTOR("password.policy.too-short.second-factor",
				"it is shorter than " + MIN_LENGTH_WITH_SECOND_FACTOR + " characters"),
		TOO_LONG("password.policy.too-long", "it is longer than " + MAX_LENGTH + " characters"),
		COMMON("password.policy.common", "it is one of the most common or breached passwords, or close to one"),
		PERSONAL("password.policy.personal", "it contains the email address or username");

		private final String messageCode;

		private final String explanation;

		Refusal(String messageCode, String explanation) {
			this.messageCode = messageCode;
			this.explanation = explanation;
		}

		/** The key in messages.properties of the sentence shown on a form. */
		public String messageCode() {
			return messageCode;
		}

		/** Why, in words, for a start-up line: "it is shorter than 15 characters". */
		public String explanation() {
			return explanation;
		}

	}

	private PasswordPolicy() {
	}

	/** The shortest password allowed, by whether the person's rule adds a second factor. */
	public static int minimumLength(boolean secondFactor) {
		return secondFactor ? MIN_LENGTH_WITH_SECOND_FACTOR : MIN_LENGTH_ONLY_FACTOR;
	}

	/**
	 * Checks a new password.
	 * @param secondFactor whether the person's rule adds a second factor (see {@link SecondFactorRule})
	 * @param personal the person's email, username and the like, which the password must not contain
	 * @return why it is refused, or empty when it may be used
	 */
	public static Optional<Refusal> check(String password, boolean secondFactor, Collection<@Nullable String> personal) {
		int length = password.codePointCount(0, password.length());
		if (length < minimumLength(secondFactor)) {
			return Optional.of(secondFactor ? Refusal.TOO_SHORT_WITH_SECOND_FACTOR : Refusal.TOO_SHORT_ONLY_FACTOR);
		}
		if (length > MAX_LENGTH) {
			return Optional.of(Refusal.TOO_LONG);
		}
		if (isPersonal(password, personal)) {
			return Optional.of(Refusal.PERSONAL);
		}
		if (isCommon(password)) {
			return Optional.of(Refusal.COMMON);
		}
		return Optional.empty();
	}

	/** Whether nbvcxz finds the password (its first 64 characters) among common passwords within 2^20 guesses. */
	static boolean isCommon(String password) {
		return Estimator.INSTANCE.estimate(password).getEntropy() < MIN_ENTROPY_BITS;
	}

	private static boolean isPersonal(String password, Collection<@Nullable String> personal) {
		String lower = password.toLowerCase(Locale.ROOT);
		for (String word : personalWords(personal)) {
			if (lower.equals(word) || (word.length() >= MIN_PERSONAL_WORD && lower.contains(word))) {
				return true;
			}
		}
		return false;
	}

	/** Each value, and for an email its local part, lower-cased. */
	private static List<String> personalWords(Collection<@Nullable String> personal) {
		return personal.stream()
			.filter(value -> value != null && !value.isBlank())
			.map(value -> value.trim().toLowerCase(Locale.ROOT))
			.flatMap(value -> value.indexOf('@') > 0 ? java.util.stream.Stream.of(value, value.substring(0,
					value.indexOf('@'))) : java.util.stream.Stream.of(value))
			.toList();
	}

	/**
	 * nbvcxz with its list of breached passwords only (its English words and names are left out: those are not
	 * passwords people were seen to use), loaded at the first check (about a second and 30 MB).
	 */
	private static final class Estimator {

		static final Nbvcxz INSTANCE = new Nbvcxz(new ConfigurationBuilder()
			.setDictionaries(List.of(new Dictionary("passwords",
					DictionaryUtil.loadRankedDictionary(DictionaryUtil.passwords), false)))
			.setMaxLength(ESTIMATED_LENGTH)
			// Long repeats make nbvcxz try many combinations; the best found so far is as good a verdict.
			.setCombinationAlgorithmTimeout(100L)
			.setLocale(Locale.ENGLISH)
			.createConfiguration());

	}

}
