package io.gatehouse.support;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The query parameters of a URL, decoded. */
public record QueryParams(Map<String, String> values) {

	public static QueryParams of(String url) {
		Map<String, String> values = new LinkedHashMap<>();
		String query = URI.create(url).getRawQuery();
		if (query != null) {
			for (String pair : query.split("&")) {
				int eq = pair.indexOf('=');
				String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
				String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
				values.putIfAbsent(key, value);
			}
		}
		return new QueryParams(values);
	}

	public Optional<String> get(String name) {
		return Optional.ofNullable(values.get(name));
	}

}
