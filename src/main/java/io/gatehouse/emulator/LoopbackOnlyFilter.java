package io.gatehouse.emulator;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The emulator is a developer's stand-in for WorkOS and a customer's IdP: its outbox shows reset links, its test IdP
 * signs anyone in as anyone. So it answers 404, as if it did not exist, to every client that is not on this machine,
 * unless the operator exposed local mode on purpose ({@code GATEHOUSE_LOCAL_MODE_EXPOSED=true}). Behind a proxy whose
 * forwarded headers Tomcat trusts, the address checked is the client's, not the proxy's.
 */
class LoopbackOnlyFilter extends OncePerRequestFilter {

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return !(path.equals("/emulator") || path.startsWith("/emulator/"));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (isLoopback(request.getRemoteAddr())) {
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
