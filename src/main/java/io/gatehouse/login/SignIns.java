package io.gatehouse.login;

import java.time.Clock;
import java.util.Optional;

import io.gatehouse.account.Accounts;
import io.gatehouse.account.RecentAuthentication;
import io.gatehouse.account.SignInDetails;
import io.gatehouse.account.SignedInUser;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;
import org.springframework.stereotype.Service;

/** Ends every sign-in journey: success establishes the session, failure is recorded. */
@Service
public class SignIns {

	private static final String RULE_VIA = "rule:";

	private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

	private final CsrfTokenRepository csrfTokens = new HttpSessionCsrfTokenRepository();

	private final SecurityContextHolderStrategy holder = SecurityContextHolder.getContextHolderStrategy();

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final RecentAuthentication recent;

	private final Accounts accounts;

	SignIns(ApplicationEventPublisher events, Optional<Clock> clock, RecentAuthentication recent, Accounts accounts) {
		this.accounts = accounts;
		this.events = events;
		this.clock = clock.orElse(Clock.systemUTC());
		this.recent = recent;
	}

	/**
	 * Signs the person in on this browser: a new session id and a new CSRF token (against fixation), the security
	 * context, the {@link SignInDetails} (device, address, time, method) and the time of this proof
	 * ({@link RecentAuthentication}) saved in the session, and
	 * {@link LoginSucceeded} published. Every sign-in ends here, the second-factor ones through
	 * {@link #secondFactorPassed}. A {@code via} of the form {@code rule:<name>} names the rule that let them in.
	 * @return where to send the browser next: {@code next} if it is a safe path, else the account page
	 */
	public String succeed(HttpServletRequest request, HttpServletResponse response, SignedInUser user, String method,
			String via, @Nullable String next) {
		return succeed(request, response, user, method, via, ruleOf(via), next);
	}

	/**
	 * As {@link #succeed(HttpServletRequest, HttpServletResponse, SignedInUser, String, String, String)}, naming the
	 * rule that let the person in (for the audit log).
	 */
	public String succeed(HttpServletRequest request, HttpServletResponse response, SignedInUser user, String method,
			String via, @Nullable String rule, @Nullable String next) {
		return establish(request, response, user, method, via, rule, next, false);
	}

	private String establish(HttpServletRequest request, HttpServletResponse response, SignedInUser user,
			String method, String via, @Nullable String rule, @Nullable String next, boolean secondFactor) {
		HttpSession session = request.getSession(false);
		if (session != null) {
			request.changeSessionId();
			csrfTokens.saveToken(null, request, response);
		}
		SecurityContext context = holder.createEmptyContext();
		context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.authorities()));
		holder.setContext(context);
		contexts.saveContext(context, request, response);
		SignInDetails.of(request, method, secondFactor, clock.instant()).storeIn(request.getSession());
		recent.record(request, user.userId(), method);
		events.publishEvent(new LoginSucceeded(user.userId(), user.email(), method, via, rule));
		return SafeRedirects.next(next);
	}

	private static final String SECOND_FACTOR = PendingSecondFactor.class.getName();

	/** Parks a sign-in that needs a second factor; nothing is signed in yet. */
	public void awaitSecondFactor(HttpServletRequest request, PendingSecondFactor pending) {
		request.getSession().setAttribute(SECOND_FACTOR, pending);
	}

	/** The sign-in waiting for a second factor in this session, if any and not expired. */
	public java.util.Optional<PendingSecondFactor> pendingSecondFactor(HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		Object value = session != null ? session.getAttribute(SECOND_FACTOR) : null;
		return value instanceof PendingSecondFactor pending && !pending.expired(java.time.Instant.now())
				? java.util.Optional.of(pending) : java.util.Optional.empty();
	}

	public void updateSecondFactor(HttpServletRequest request, PendingSecondFactor pending) {
		request.getSession().setAttribute(SECOND_FACTOR, pending);
	}

	/**
	 * Records a wrong code; after {@link PendingSecondFactor#MAX_ATTEMPTS} the pending sign-in is discarded.
	 * @return true while attempts remain
	 */
	public boolean secondFactorFailed(HttpServletRequest request, PendingSecondFactor pending, String reason) {
		fail(pending.method() + "+mfa", reason, pending.email(), ruleOf(pending.via()));
		PendingSecondFactor next = pending.failedOnce();
		if (next.attempts() >= PendingSecondFactor.MAX_ATTEMPTS) {
			request.getSession().removeAttribute(SECOND_FACTOR);
			return false;
		}
		updateSecondFactor(request, next);
		return true;
	}

	/** Where a second step sends a browser whose account can no longer sign in: the sign-in page, saying it failed. */
	public static final String SIGN_IN_FAILED = "/accounts/login?signInFailed";

	/**
	 * The second factor passed: signs the person in, if their account is still active, and returns where to go. An
	 * account deactivated while the step was pending gets no session: the pending sign-in is discarded, the failure
	 * recorded, and the answer is empty (send the browser to {@link #SIGN_IN_FAILED}, as for any failed sign-in).
	 */
	public Optional<String> secondFactorPassed(HttpServletRequest request, HttpServletResponse response,
			PendingSecondFactor pending) {
		request.getSession().removeAttribute(SECOND_FACTOR);
		Optional<SignedInUser> user = accounts.signedInIfActive(pending.userId());
		if (user.isEmpty()) {
			fail(pending.method() + "+mfa", "account_inactive", pending.email(), ruleOf(pending.via()));
			return Optional.empty();
		}
		return Optional.of(establish(request, response, user.get(), pending.method() + "+mfa", pending.via(),
				ruleOf(pending.via()), pending.next(), true));
	}

	/** Forgets whatever authentication this request carries (e.g. one a provider's filter just stored). */
	public void discard(HttpServletRequest request, HttpServletResponse response) {
		SecurityContext empty = holder.createEmptyContext();
		holder.setContext(empty);
		contexts.saveContext(empty, request, response);
	}

	/** Records a failed attempt. */
	public void fail(String method, String reason, @Nullable String subject) {
		fail(method, reason, subject, null);
	}

	/** Records a failed attempt that went by a known rule. */
	public void fail(String method, String reason, @Nullable String subject, @Nullable String rule) {
		events.publishEvent(new LoginFailed(method, reason, subject, rule));
	}

	/** The rule named by a {@code rule:<name>} via. */
	private static @Nullable String ruleOf(String via) {
		return via.startsWith(RULE_VIA) ? via.substring(RULE_VIA.length()) : null;
	}

}
