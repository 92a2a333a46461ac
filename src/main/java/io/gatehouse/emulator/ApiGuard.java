package io.gatehouse.emulator;

import java.io.IOException;
import java.security.MessageDigest;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.crypto.codec.Utf8;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/** Checks the API key of {@link EmulatorApi} requests and stamps a request id on their answers, as WorkOS does. */
class ApiGuard implements HandlerInterceptor {

	private final byte[] apiKey;

	ApiGuard(String apiKey) {
		this.apiKey = Utf8.encode(apiKey);
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
			throws IOException {
		if (!(handler instanceof HandlerMethod method) || !method.getBeanType().isAnnotationPresent(EmulatorApi.class)) {
			return true;
		}
		response.setHeader("X-Request-ID", UUID.randomUUID().toString());
		if (method.hasMethodAnnotation(EmulatorApi.AccessTokenAuth.class)
				|| method.hasMethodAnnotation(EmulatorApi.BrowserPage.class)) {
			return true;
		}
		String presented = bearer(request);
		if (presented != null && MessageDigest.isEqual(apiKey, Utf8.encode(presented))) {
			return true;
		}
		response.setStatus(HttpStatus.UNAUTHORIZED.value());
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.getWriter().write("{\"code\":\"unauthorized\",\"message\":\"Unauthorized\"}");
		return false;
	}

	static @Nullable String bearer(HttpServletRequest request) {
		String header = request.getHeader("Authorization");
		return header != null && header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7).trim() : null;
	}

}
