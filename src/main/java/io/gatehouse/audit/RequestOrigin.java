package io.gatehouse.audit;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Where an entry came from: the client's address and user agent of the web request being handled on this thread, if
 * any. The address is the servlet's remote address (behind a proxy, configure {@code server.forward-headers-strategy}).
 */
record RequestOrigin(@Nullable String ip, @Nullable String userAgent) {

	static final RequestOrigin NONE = new RequestOrigin(null, null);

	static RequestOrigin current() {
		RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
		if (!(attributes instanceof ServletRequestAttributes servlet)) {
			return NONE;
		}
		HttpServletRequest request = servlet.getRequest();
		return new RequestOrigin(request.getRemoteAddr(), request.getHeader("User-Agent"));
	}

}
