package io.gatehouse.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

/**
 * A browser without a screen: real HTTP with a cookie jar, redirects followed one step at a time so tests can look at
 * each hop (the app on {@code localhost}, the emulator on {@code 127.0.0.1}, as in local mode).
 */
public class TestBrowser {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

	private final CookieManager cookies = new CookieManager();

	private final HttpClient http = HttpClient.newBuilder()
		.cookieHandler(cookies)
		.followRedirects(HttpClient.Redirect.NEVER)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	private final String base;

	private final @Nullable String userAgent;

	private final Map<String, String> extraHeaders = new LinkedHashMap<>();

	/** A browser with the HTTP client's own {@code User-Agent}. */
	public TestBrowser(int port) {
		this.base = "http://localhost:" + port;
		this.userAgent = null;
	}

	/** A browser that sends this {@code User-Agent} with every request. */
	public TestBrowser(int port, String userAgent) {
		this.base = "http://localhost:" + port;
		this.userAgent = userAgent;
	}

	/** Sends this header with every later request (e.g. a {@code User-Agent}, or {@code X-Forwarded-Proto}). */
	public TestBrowser header(String name, String value) {
		extraHeaders.put(name, value);
		return this;
	}

	public String url(String path) {
		return path.startsWith("http") ? path : base + path;
	}

	public Page get(String pathOrUrl) {
		return get(pathOrUrl, "text/html");
	}

	public Page get(String pathOrUrl, String accept) {
		return send(HttpRequest.newBuilder(URI.create(url(pathOrUrl))).header("Accept", accept).GET());
	}

	/** Posts a form, adding the CSRF token of {@code from} (the page that holds the form). */
	public Page submit(Page from, String action, Map<String, String> fields) {
		return post(from.absolute(action), withCsrf(from, fields));
	}

	/** A form's fields with the CSRF token of the page that holds the form, if it has one. */
	static Map<String, String> withCsrf(Page from, Map<String, String> fields) {
		Map<String, String> all = new LinkedHashMap<>(fields);
		from.csrf().ifPresent(token -> all.put("_csrf", token));
		return all;
	}

	/** Form fields as an {@code application/x-www-form-urlencoded} body. */
	static String formBody(Map<String, String> fields) {
		return fields.entrySet()
			.stream()
			.map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
					+ URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
	}

	public Page post(String pathOrUrl, Map<String, String> fields) {
		String body = formBody(fields);
		return send(HttpRequest.newBuilder(URI.create(url(pathOrUrl)))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Accept", "text/html")
			.POST(HttpRequest.BodyPublishers.ofString(body)));
	}

	/** Any method without a body (PUT, DELETE, PATCH...), with extra headers such as a CSRF token. */
	public Page request(String method, String pathOrUrl, Map<String, String> headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(pathOrUrl)))
			.header("Accept", "text/html")
			.method(method, HttpRequest.BodyPublishers.noBody());
		headers.forEach(request::header);
		return send(request);
	}

	/** Follows redirects from {@code page} until a page that is not a redirect. */
	public Page follow(Page page) {
		Page current = page;
		for (int hops = 0; current.isRedirect() && hops < 10; hops++) {
			current = get(current.location());
		}
		return current;
	}

	/** The value of the app's session cookie, if any. */
	public Optional<String> sessionCookie() {
		return cookies.getCookieStore()
			.getCookies()
			.stream()
			.filter(c -> c.getName().equals("SESSION"))
			.map(HttpCookie::getValue)
			.findFirst();
	}

	public void forgetCookies() {
		cookies.getCookieStore().removeAll();
	}

	private Page send(HttpRequest.Builder request) {
		extraHeaders.forEach(request::setHeader);
		try {
			if (userAgent != null) {
				request.header("User-Agent", userAgent);
			}
			HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(30)).build(),
					HttpResponse.BodyHandlers.ofString());
			return new Page(response.uri(), response.statusCode(), response.headers().map(), response.body());
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	/** One HTTP answer. */
	public record Page(URI uri, int status, Map<String, java.util.List<String>> headers, String body) {

		public boolean isRedirect() {
			return status >= 300 && status < 400;
		}

		public String location() {
			return absolute(header("Location").orElseThrow(() -> new AssertionError("no Location header: " + status)));
		}

		public Optional<String> header(String name) {
			return headers.entrySet()
				.stream()
				.filter(e -> e.getKey().equalsIgnoreCase(name))
				.flatMap(e -> e.getValue().stream())
				.findFirst();
		}

		public Optional<String> csrf() {
			Matcher m = CSRF.matcher(body);
			return m.find() ? Optional.of(m.group(1)) : Optional.empty();
		}

		/** The first match of a regular expression's group 1 in the body. */
		public Optional<String> find(String regex) {
			Matcher m = Pattern.compile(regex).matcher(body);
			return m.find() ? Optional.of(m.group(1)) : Optional.empty();
		}

		/** The query parameter of this page's Location header, decoded. */
		public Optional<String> locationParam(String name) {
			return QueryParams.of(location()).get(name);
		}

		public String absolute(String target) {
			return uri.resolve(target.replace("&amp;", "&")).toString();
		}

	}

}
