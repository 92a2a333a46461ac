package io.gatehouse.emulator;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import org.flywaydb.core.Flyway;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.util.StringUtils;

/**
 * Local mode's secrets, random per install: the emulator's API key, the secret its webhooks are signed with and the
 * emulated Okta's client secret are made at the first start, kept in the emulator's database and published to the
 * environment as {@code gatehouse.local.emulator-*} before any bean is made, so the app's SDK client and the emulator
 * read the same values. Nothing falls back to a constant: a published default would let anyone forge webhooks or
 * read the emulated directory. A value set explicitly (a test, an operator) is kept as it is.
 */
class LocalSecrets implements EnvironmentPostProcessor, Ordered {

	static final String PROPERTY_SOURCE = "gatehouseLocalSecrets";

	private static final Map<String, String> PREFIXES = Map.of("emulator-api-key", "sk_test_", "emulator-webhook-secret",
			"whsec_", "emulator-okta-client-secret", "");

	private static final SecureRandom RANDOM = new SecureRandom();

	@Override
	public int getOrder() {
		// After the settings module's mode guard, which publishes the resolved gatehouse.mode.
		return Ordered.LOWEST_PRECEDENCE - 50;
	}

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (!LocalModeOnly.WhenLocal.isLocal(environment)) {
			return;
		}
		// Resolved once and pinned: a URL with ${random.uuid} (tests) would name another database at every read.
		String url = environment.getRequiredProperty("gatehouse.local.emulator-jdbc-url");
		Map<String, Object> published = new LinkedHashMap<>();
		published.put("gatehouse.local.emulator-jdbc-url", url);
		Map<String, String> missing = new LinkedHashMap<>();
		PREFIXES.forEach((name, prefix) -> {
			if (!StringUtils.hasText(environment.getProperty("gatehouse.local." + name))) {
				missing.put(name, prefix);
			}
		});
		if (!missing.isEmpty()) {
			DriverManagerDataSource database = new DriverManagerDataSource(url, "sa", "");
			EmulatorDatabase.migrate(database);
			missing.forEach((name, prefix) -> published.put("gatehouse.local." + name, secret(database, name, prefix)));
		}
		environment.getPropertySources().addFirst(new MapPropertySource(PROPERTY_SOURCE, published));
	}

	/** The install's secret of that name, made the first time; a concurrent first start keeps the first one made. */
	private static String secret(DriverManagerDataSource database, String name, String prefix) {
		try (Connection connection = database.getConnection()) {
			try (PreparedStatement insert = connection.prepareStatement(
					"insert into install_secrets (name, secret, created_at) select ?, ?, ? "
							+ "where not exists (select 1 from install_secrets where name = ?)")) {
				insert.setString(1, name);
				insert.setString(2, prefix + random());
				insert.setTimestamp(3, Timestamp.from(Instant.now()));
				insert.setString(4, name);
				insert.executeUpdate();
			}
			try (PreparedStatement select = connection.prepareStatement("select secret from install_secrets where name = ?")) {
				select.setString(1, name);
				try (ResultSet row = select.executeQuery()) {
					row.next();
					return row.getString(1);
				}
			}
		}
		catch (SQLException e) {
			throw new IllegalStateException("Could not read or create local mode's secrets in the emulator's database", e);
		}
	}

	private static String random() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

}
