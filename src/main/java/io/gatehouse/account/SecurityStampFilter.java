package io.gatehouse.account;

import java.io.IOException;
import java.util.Optional;

import io.gatehouse.account.internal.UserRepository;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Keeps a session's authorities current: a change to a person's admin flag, groups or active flag changes their
 * account's security stamp ({@code users.security_stamp}), and a signed-in session whose principal carries another
 * stamp is reloaded from the account before anything reads it, or ended when the account is no longer active. So a
 * demoted administrator's very next request runs without {@code ROLE_ADMIN}, on every instance, while a person whose
 * groups changed stays signed in.
 * <p>
 * Costs one primary-key read of a number per request of a signed-in session, and nothing for anonymous requests. Runs
 * after {@link SessionLifetimeFilter} and before Spring Security's chain (order -100), which then reads the updated
 * context from the session.
 */
@Component
@Order(SecurityStampFilter.ORDER)
class SecurityStampFilter extends OncePerRequestFilter {

	static final int ORDER = SessionLifetimeFilter.ORDER + 5;

	private static final String CONTEXT = HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY;

	private final UserRepository users;

	private final Accounts accounts;

	SecurityStampFilter(UserRepository users, Accounts accounts) {
		this.users = users;
		this.accounts = accounts;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		HttpSession session = request.getSession(false);
		if (session != null && session.getAttribute(CONTEXT) instanceof SecurityContext context
				&& context.getAuthentication() != null
				&& context.getAuthentication().getPrincipal() instanceof SignedInUser signedIn) {
			Optional<Long> stamp = users.findActiveSecurityStamp(signedIn.userId());
			if (stamp.isEmpty() || stamp.get() != signedIn.securityStamp()) {
				Optional<SignedInUser> current = stamp.isEmpty() ? Optional.empty()
						: accounts.currentPrincipal(signedIn.userId());
				if (current.isPresent()) {
					session.setAttribute(CONTEXT, reloaded(context.getAuthentication(), current.get()));
				}
				else {
					// Deactivated or deleted: the request goes on as anonymous, so protected pages send it to sign in.
					session.invalidate();
					SecurityContextHolder.clearContext();
				}
			}
		}
		chain.doFilter(request, response);
	}

	private static SecurityContext reloaded(Authentication before, SignedInUser current) {
		UsernamePasswordAuthenticationToken authentication = UsernamePasswordAuthenticationToken.authenticated(current,
				null, current.authorities());
		authentication.setDetails(before.getDetails());
		return new SecurityContextImpl(authentication);
	}

}
