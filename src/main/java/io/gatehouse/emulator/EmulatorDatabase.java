package io.gatehouse.emulator;

import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The emulator's own database, kept apart from the app's as WorkOS's would be. Deliberately not a bean of type
 * {@code DataSource}, which would displace the app's. Migrated with its own Flyway history on start, and seeded with
 * the demo organisations the first time.
 */
@Component
@LocalModeOnly
class EmulatorDatabase implements DisposableBean {

	private final HikariDataSource dataSource;

	private final JdbcClient jdbc;

	EmulatorDatabase(EmulatorSettings settings) {
		this.dataSource = new HikariDataSource();
		this.dataSource.setJdbcUrl(settings.emulatorJdbcUrl());
		this.dataSource.setUsername("sa");
		this.dataSource.setMaximumPoolSize(4);
		this.dataSource.setPoolName("workos-emulator");
		Flyway.configure()
			.dataSource(dataSource)
			.locations("classpath:db/emulator")
			.table("emulator_schema_history")
			.load()
			.migrate();
		this.jdbc = JdbcClient.create(dataSource);
	}

	JdbcClient jdbc() {
		return jdbc;
	}

	@Override
	public void destroy() {
		dataSource.close();
	}

}
