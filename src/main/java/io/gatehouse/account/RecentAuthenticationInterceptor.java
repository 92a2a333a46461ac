package io.gatehouse.account;

import java.io.IOException;
import java.time.Duration;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Sends signed-in people to the step-up page before handlers marked {@link RecentAuthenticationRequired}. */
@Configuration(proxyBeanMethods = false)
class RecentAuthenticationInterceptor implements HandlerInterceptor, WebMvcConfigurer {

	private final RecentAuthentication recent;

	RecentAuthenticationInterceptor(RecentAuthentication recent) {
		this.recent = recent;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(this);
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
			throws IOException {
		if (!(handler instanceof HandlerMethod method)) {
			return true;
		}
		RecentAuthenticationRequired required = method.getMethodAnnotation(RecentAuthenticationRequired.class);
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (required == null || authentication == null || !(authentication.getPrincipal() instanceof SignedInUser user)
				|| recent.within(request, user.userId(), Duration.ofMinutes(required.minutes()))) {
			return true;
		}
		response.sendRedirect(request.getContextPath() + RecentAuthentication.stepUpUrl(returnTo(request, required)));
		return false;
	}

	private static String returnTo(HttpServletRequest request, RecentAuthenticationRequired required) {
		if (!required.returnTo().isEmpty()) {
			return required.returnTo();
		}
		if (!"GET".equals(request.getMethod())) {
			return "/account";
		}
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return request.getQueryString() == null ? path : path + "?" + request.getQueryString();
	}

}
