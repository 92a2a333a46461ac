package io.gatehouse.settings;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Decides the mode before anything starts, and keeps local mode off the network unless the operator deliberately
 * exposes it ({@code GATEHOUSE_LOCAL_MODE_EXPOSED=true}): local mode listens on {@code 127.0.0.1} only, and refuses to
 * start with a public base URL, a listening address that is not loopback, or a database on another machine (local
 * mode's emulator and demo data must never reach a shared database). The resolved mode is published as
 * {@code gatehouse.mode}, so every part of the app (and the emulator's conditions) reads the same answer.
 */
class LocalModeGuard implements EnvironmentPostProcessor, Ordered {

	/** After Boot's config data (application.properties, the environment), before the emulator's secrets. */
	static final int ORDER = Ordered.LOWEST_PRECEDENCE - 100;

	static final String PROPERTY_SOURCE = "gatehouseMode";

	/** The hosts part of a JDBC URL: {@code jdbc:postgresql://a:5432,b/db} gives {@code a:5432,b}. */
	private static final Pattern JDBC_HOSTS = Pattern.compile("^jdbc:[a-z0-9]+(?::[a-z0-9]+)*://([^/?;]*)",
			Pattern.CASE_INSENSITIVE);

	@Override
	public int getOrder() {
		return ORDER;
	}

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		GatehouseMode mode;
		try {
			mode = GatehouseMode.resolve(environment.getProperty("gatehouse.mode"),
					environment.getProperty("gatehouse.workos.api-key"),
					environment.getProperty("gatehouse.workos.client-id"),
					GatehouseSettings.blankToNull(environment.getProperty("gatehouse.workos.api-base-url")) != null,
					environment.getProperty("gatehouse.workos.webhook-secret"));
		}
		catch (IllegalArgumentException e) {
			throw new StartupRefused(e.getMessage());
		}
		Map<String, Object> resolved = new LinkedHashMap<>();
		resolved.put("gatehouse.mode", mode.name().toLowerCase(Locale.ROOT));
		if (mode == GatehouseMode.LOCAL) {
			// Read as Spring binds it everywhere else (true, yes, on, 1), so the emulator's guard agrees.
			boolean exposed = environment.getProperty("gatehouse.local.exposed", Boolean.class, false);
			checkDatabase(environment.getProperty("spring.datasource.url"));
			checkDatabase(environment.getProperty("gatehouse.local.emulator-jdbc-url"));
			if (!exposed) {
				checkBaseUrl(environment.getProperty("gatehouse.base-url"));
				String address = GatehouseSettings.blankToNull(environment.getProperty("server.address"));
				if (address == null) {
					resolved.put("server.address", "127.0.0.1");
				}
				else if (!isLoopback(address)) {
					throw new StartupRefused("Local mode listens on loopback only, but SERVER_ADDRESS is " + address
							+ ": unset it, or set GATEHOUSE_LOCAL_MODE_EXPOSED=true to expose a demo on purpose");
				}
				// A separate management port (MANAGEMENT_SERVER_PORT) would otherwise listen on every interface.
				String managementPort = GatehouseSettings.blankToNull(environment.getProperty("management.server.port"));
				String managementAddress = GatehouseSettings.blankToNull(environment.getProperty("management.server.address"));
				if (managementPort != null && managementAddress == null) {
					resolved.put("management.server.address", "127.0.0.1");
				}
				else if (managementAddress != null && !isLoopback(managementAddress)) {
					throw new StartupRefused("Local mode listens on loopback only, but MANAGEMENT_SERVER_ADDRESS is "
							+ managementAddress + ": unset it, or set GATEHOUSE_LOCAL_MODE_EXPOSED=true");
				}
			}
		}
		environment.getPropertySources().addFirst(new MapPropertySource(PROPERTY_SOURCE, resolved));
	}

	private static void checkDatabase(@Nullable String url) {
		if (url == null) {
			return;
		}
		Matcher hosts = JDBC_HOSTS.matcher(url.trim());
		if (!hosts.find()) {
			return; // a file or in-memory database, or a driver's default (localhost)
		}
		for (String hostAndPort : hosts.group(1).split(",")) {
			String host = hostAndPort.startsWith("[") ? hostAndPort.substring(0, hostAndPort.indexOf(']') + 1)
					: hostAndPort.replaceFirst(":\\d*$", "");
			if (host.isEmpty() || !isLoopback(host)) {
				throw new StartupRefused("Local mode keeps its demo data on this machine, but the database is on "
						+ (host.isEmpty() ? "an unnamed host" : host) + ": use connected mode (WORKOS_API_KEY and"
						+ " WORKOS_CLIENT_ID) with that database, or a database on 127.0.0.1");
			}
		}
	}

	private static void checkBaseUrl(@Nullable String baseUrl) {
		String text = GatehouseSettings.blankToNull(baseUrl);
		if (text == null) {
			return;
		}
		String host;
		try {
			host = URI.create(text).getHost();
		}
		catch (IllegalArgumentException e) {
			return; // GatehouseSettings reports a malformed URL, naming the variable
		}
		if (host != null && !isLoopback(host)) {
			throw new StartupRefused("Local mode is for this machine only, but GATEHOUSE_BASE_URL is " + text
					+ ": use connected mode for a public URL, or set GATEHOUSE_LOCAL_MODE_EXPOSED=true for a shared demo");
		}
	}

	/** {@code localhost} or a loopback address literal; no other name is looked up. */
	static boolean isLoopback(String host) {
		String name = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
		if (name.equalsIgnoreCase("localhost")) {
			return true;
		}
		if (!name.matches("[0-9.]+|[0-9a-fA-F:]*:[0-9a-fA-F:.]*")) {
			return false;
		}
		try {
			return InetAddress.getByName(name).isLoopbackAddress();
		}
		catch (UnknownHostException e) {
			return false;
		}
	}

}
