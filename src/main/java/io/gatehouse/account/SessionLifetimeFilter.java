package io.gatehouse.account;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends a session that has outlived its absolute lifetime ({@link SessionLifetime}): the session is invalidated and
 * browsers go to {@code /accounts/login?expired}, other clients get 401. Runs after Spring Session's repository
 * filter (so the session is the stored one) and before Spring Security's chain (order -100), so nothing downstream
 * ever sees the expired sign-in. It checks every path, {@code /actuator/**}, the emulator, webhooks and static files
 * included: no request of an expired session is served as signed in, and none is left to keep it alive.
 */
@Component
@Order(SessionLifetimeFilter.ORDER)
class SessionLifetimeFilter extends OncePerRequestFilter {

	static final int ORDER = -110;

	private final SessionLifetime lifetime;

	private final RequestMatcher browsers = new MediaTypeRequestMatcher(MediaType.TEXT_HTML);

	SessionLifetimeFilter(SessionLifetime lifetime) {
		this.lifetime = lifetime;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		HttpSession session = request.getSession(false);
		boolean expired = session != null
				&& SignInDetails.readFrom(session::getAttribute).map(lifetime::outlived).orElse(false);
		if (!expired) {
			chain.doFilter(request, response);
			return;
		}
		session.invalidate();
		SecurityContextHolder.clearContext();
		if (browsers.matches(request)) {
			response.sendRedirect(request.getContextPath() + "/accounts/login?expired");
		}
		else {
			response.sendError(HttpStatus.UNAUTHORIZED.value());
		}
	}

}
