package io.gatehouse.mfa;

import java.io.Serializable;
import java.util.List;
import java.util.Optional;

import io.gatehouse.account.AccountFacts;
import io.gatehouse.account.Accounts;
import io.gatehouse.account.Passwords;
import io.gatehouse.account.RecentAuthentication;
import io.gatehouse.account.SignedInUser;
import io.gatehouse.login.RuleFacts;
import io.gatehouse.rules.LoginRules;
import io.gatehouse.rules.RuleDecision;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * Proving again who you are before a sensitive change ("step-up"): with the password, if the person's login rule
 * signs them in with one, or with a current code of one of their factors (an authenticator app, or a code texted to
 * their phone). A recovery code does not count: it is for a lost phone at sign-in, not for changing factors. Every
 * check is throttled like a sign-in (per address, and per account and kind of secret, shared with the sign-in's
 * counts). A right answer is recorded in {@link RecentAuthentication}; every answer is published for the audit log.
 * <p>
 * People with neither a password rule nor a factor (SSO, OAuth, OIDC, magic link) prove it by signing in again, as
 * their rule demands; the step-up page links there and the sign-in brings them back.
 */
@Service
public class StepUps {

	/** What the person can prove it with. */
	public record Options(boolean password, @Nullable FactorView app, List<FactorView> phones) {

		public boolean onlySignInAgain() {
			return !password && app == null && phones.isEmpty();
		}

	}

	/** A code texted for a step-up, waiting in the server-side session. */
	record PendingText(long userId, long factorId, String challengeId) implements Serializable {

		static final String ATTRIBUTE = PendingText.class.getName();

	}

	private final Accounts accounts;

	private final Passwords passwords;

	private final LoginRules rules;

	private final Factors factors;

	private final CodeAttempts attempts;

	private final RecentAuthentication recent;

	private final ApplicationEventPublisher events;

	StepUps(Accounts accounts, Passwords passwords, LoginRules rules, Factors factors, CodeAttempts attempts,
			RecentAuthentication recent, ApplicationEventPublisher events) {
		this.accounts = accounts;
		this.passwords = passwords;
		this.rules = rules;
		this.factors = factors;
		this.attempts = attempts;
		this.recent = recent;
		this.events = events;
	}

	public Options options(long userId) {
		List<FactorView> all = factors.list(userId);
		return new Options(passwordAllowed(userId), all.stream().filter(f -> "totp".equals(f.type())).findFirst().orElse(null),
				all.stream().filter(f -> "sms".equals(f.type())).toList());
	}

	/** Checks the password; false when wrong, throttled, or not how this person signs in. */
	public boolean withPassword(HttpServletRequest request, SignedInUser user, String password) {
		boolean right = !password.isEmpty() && password.length() <= 1024 && passwordAllowed(user.userId())
				&& attempts.password(request, user.userId(), () -> passwords.matches(user.userId(), password));
		return outcome(request, user, "password", right);
	}

	/**
	 * Checks a code from the person's authenticator app; false when wrong, throttled, or they have no app.
	 * @throws io.gatehouse.workos.WorkOsException when WorkOS cannot be reached
	 */
	public boolean withAppCode(HttpServletRequest request, SignedInUser user, String code) {
		String digits = code.replace(" ", "").trim();
		Optional<FactorView> app = Optional.ofNullable(options(user.userId()).app());
		boolean right = app.isPresent() && digits.matches("\\d{6}") && attempts.code(request, user.userId(),
				() -> factors.verify(user.userId(), app.get().id(),
						factors.challengeApp(user.userId(), app.get().id()), digits));
		return outcome(request, user, "totp", right);
	}

	/**
	 * The inline proof of a form that asks for "a current code or your password" (removing a factor): six digits are
	 * tried as an app code when the person has an app, anything else as the password.
	 */
	public boolean withAppCodeOrPassword(HttpServletRequest request, SignedInUser user, String codeOrPassword) {
		String digits = codeOrPassword.replace(" ", "");
		if (digits.matches("\\d{6}") && options(user.userId()).app() != null) {
			return withAppCode(request, user, digits);
		}
		return withPassword(request, user, codeOrPassword);
	}

	/**
	 * Texts a code to one of the person's phones, within the per-person and per-address limits.
	 * @return false if the factor is not one of their phones
	 * @throws TooManyCodes when a limit is reached
	 * @throws io.gatehouse.workos.WorkOsException when WorkOS cannot be reached
	 */
	public boolean sendText(HttpServletRequest request, SignedInUser user, long factorId) {
		Optional<String> workosId = factors.factor(user.userId(), factorId)
			.filter(f -> "sms".equals(f.type()))
			.flatMap(f -> factors.workosId(user.userId(), factorId));
		if (workosId.isEmpty()) {
			return false;
		}
		if (!attempts.send(request)) {
			throw new TooManyCodes();
		}
		String challenge = factors.sendSms(user.userId(), workosId.get());
		request.getSession().setAttribute(PendingText.ATTRIBUTE, new PendingText(user.userId(), factorId, challenge));
		return true;
	}

	/** The phone a code was texted to for this person's step-up, if one waits. */
	public Optional<Long> textedFactor(HttpServletRequest request, SignedInUser user) {
		return pendingText(request, user).map(PendingText::factorId);
	}

	/**
	 * Checks the code texted by {@link #sendText}; false when wrong, throttled or none was sent.
	 * @throws io.gatehouse.workos.WorkOsException when WorkOS cannot be reached or the code expired
	 */
	public boolean withTextCode(HttpServletRequest request, SignedInUser user, String code) {
		String digits = code.replace(" ", "").trim();
		Optional<PendingText> pending = pendingText(request, user);
		boolean right = pending.isPresent() && digits.matches("\\d{6}") && attempts.code(request, user.userId(),
				() -> factors.verify(user.userId(), pending.get().factorId(), pending.get().challengeId(), digits));
		if (right) {
			request.getSession().removeAttribute(PendingText.ATTRIBUTE);
		}
		return outcome(request, user, "sms", right);
	}

	private Optional<PendingText> pendingText(HttpServletRequest request, SignedInUser user) {
		HttpSession session = request.getSession(false);
		return session != null && session.getAttribute(PendingText.ATTRIBUTE) instanceof PendingText text
				&& text.userId() == user.userId() ? Optional.of(text) : Optional.empty();
	}

	/** As at sign-in: a password counts only for people whose rule signs them in with one. */
	private boolean passwordAllowed(long userId) {
		Optional<AccountFacts> account = accounts.facts(userId).filter(AccountFacts::hasPassword);
		return account.isPresent() && rules.forUser(RuleFacts.of(account.get(), factors.hasFactor(userId)))
			.map(RuleDecision::method)
			.filter(method -> method.usesPassword())
			.isPresent();
	}

	private boolean outcome(HttpServletRequest request, SignedInUser user, String method, boolean right) {
		if (right) {
			// A new id: whoever holds a copy of the old cookie does not share the fresh proof.
			if (request.getSession(false) != null) {
				request.changeSessionId();
			}
			recent.record(request, user.userId(), method);
			events.publishEvent(new StepUpPassed(user.userId(), user.email(), method));
		}
		else {
			events.publishEvent(new StepUpFailed(user.userId(), user.email(), method));
		}
		return right;
	}

}
