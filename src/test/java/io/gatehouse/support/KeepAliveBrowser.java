package io.gatehouse.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import io.gatehouse.support.TestBrowser.Page;

/**
 * A load generator's browser: {@link TestBrowser}'s pages and forms over one {@link KeepAliveConnection}, with a cookie
 * jar of its own. For benchmarks, where the caller shares the app's cores.
 */
public final class KeepAliveBrowser implements AutoCloseable {

	private final KeepAliveConnection connection;

	private final String base;

	private final Map<String, String> cookies = new LinkedHashMap<>();

	public KeepAliveBrowser(int port) {
		this.base = "http://localhost:" + port;
		try {
			this.connection = new KeepAliveConnection(port);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	public Page get(String pathOrUrl) {
		return send("GET", pathOrUrl, Map.of(), null);
	}

	/** Posts a form, adding the CSRF token of {@code from} (the page that holds the form). */
	public Page submit(Page from, String action, Map<String, String> fields) {
		String form = TestBrowser.formBody(TestBrowser.withCsrf(from, fields));
		return send("POST", from.absolute(action), Map.of("Content-Type", "application/x-www-form-urlencoded"),
				form.getBytes(StandardCharsets.UTF_8));
	}

	/** A new visitor from now on: no cookies. */
	public void forgetCookies() {
		cookies.clear();
	}

	private Page send(String method, String pathOrUrl, Map<String, String> extra, byte[] body) {
		URI uri = URI.create(pathOrUrl.startsWith("http") ? pathOrUrl : base + pathOrUrl);
		Map<String, String> headers = new LinkedHashMap<>(extra);
		headers.put("Accept", "text/html");
		if (!cookies.isEmpty()) {
			headers.put("Cookie", cookies.entrySet()
				.stream()
				.map(c -> c.getKey() + "=" + c.getValue())
				.collect(Collectors.joining("; ")));
		}
		String path = uri.getRawPath() + (uri.getRawQuery() != null ? "?" + uri.getRawQuery() : "");
		try {
			KeepAliveConnection.Response response = connection.exchange(method, path, headers, body);
			response.header("set-cookie").forEach(this::keep);
			return new Page(uri, response.status(), response.headers(), response.body());
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private void keep(String setCookie) {
		String pair = setCookie.split(";", 2)[0];
		int equals = pair.indexOf('=');
		String name = pair.substring(0, equals).trim();
		String value = pair.substring(equals + 1).trim();
		if (value.isEmpty() || setCookie.toLowerCase(Locale.ROOT).contains("max-age=0")) {
			cookies.remove(name);
		}
		else {
			cookies.put(name, value);
		}
	}

	@Override
	public void close() throws IOException {
		connection.close();
	}

}
