package io.gatehouse.emulator;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UrlPathHelper;

/**
 * The emulator is a developer's stand-in for WorkOS and a customer's IdP: its outbox shows reset links, its test IdP
 * signs anyone in as anyone. So it answers 404, as if it did not exist, to every client that is not on this machine,
 * unless the operator exposed local mode on purpose ({@code GATEHOUSE_LOCAL_MODE_EXPOSED=true}). A request that came
 * through a proxy (it carries forwarded headers) is from another machine too, whatever the proxy's own address. The
 * path is judged decoded, as the handlers see it ({@code /%65mulator/outbox} is the outbox).
 */
class LoopbackOnlyFilter extends OncePerRequestFilter {

	private static final List<String> FORWARDED_HEADERS = List.of("Forwarded", "X-Forwarded-For", "X-Forwarded-Host",
			"X-Real-IP");

	private final UrlPathHelper paths = new UrlPathHelper();

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String path = paths.getPathWithinApplication(request).replaceAll("/{2,}", "/").toLowerCase(Locale.ROOT);
		return !(path.equals("/emulator") || path.startsWith("/emulator/"));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (isLoopback(request.getRemoteAddr()) && FORWARDED_HEADERS.stream().noneMatch(h -> request.getHeader(h) != null)) {
			chain.doFilter(request, response);
		}
		else {
			response.sendError(HttpServletResponse.SC_NOT_FOUND);
		}
	}

	private static boolean isLoopback(String address) {
		// Tomcat gives an address literal, so this looks nothing up.
		if (address == null || !address.matches("[0-9.]+|[0-9a-fA-F:]*:[0-9a-fA-F:.%a-zA-Z0-9]*")) {
			return false;
		}
		try {
			return InetAddress.getByName(address).isLoopbackAddress();
		}
		catch (UnknownHostException e) {
			return false;
		}
	}

}
