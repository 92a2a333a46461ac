package io.gatehouse.login;

import java.util.ArrayList;
import java.util.List;

import io.gatehouse.account.SignedInUser;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
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

	private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

	private final CsrfTokenRepository csrfTokens = new HttpSessionCsrfTokenRepository();

	private final SecurityContextHolderStrategy holder = SecurityContextHolder.getContextHolderStrategy();

	private final ApplicationEventPublisher events;

	SignIns(ApplicationEventPublisher events) {
		this.events = events;
	}

	/**
	 * Signs the person in on this browser: a new session id and a new CSRF token (against fixation), the security
	 * context saved in the session, and {@link LoginSucceeded} published.
	 * @return where to send the browser next: {@code next} if it is a safe path, else the account page
	 */
	public String succeed(HttpServletRequest request, HttpServletResponse response, SignedInUser user, String method,
			String via, @Nullable String next) {
		HttpSession session = request.getSession(false);
		if (session != null) {
			request.changeSessionId();
			csrfTokens.saveToken(null, request, response);
		}
		List<GrantedAuthority> authorities = new ArrayList<>();
		authorities.add(new SimpleGrantedAuthority("ROLE_USER"));
		if (user.admin()) {
			authorities.add(new SimpleGrantedAuthority("ROLE_ADMIN"));
		}
		SecurityContext context = holder.createEmptyContext();
		context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, authorities));
		holder.setContext(context);
		contexts.saveContext(context, request, response);
		events.publishEvent(new LoginSucceeded(user.userId(), user.email(), method, via));
		return SafeRedirects.next(next);
	}

	/** Records a failed attempt. */
	public void fail(String method, String reason, @Nullable String subject) {
		events.publishEvent(new LoginFailed(method, reason, subject));
	}

}
