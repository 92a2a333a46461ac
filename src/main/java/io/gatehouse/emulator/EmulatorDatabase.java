package io.gatehouse.emulator;

import java.util.function.Supplier;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

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

	/** Not a bean either, for the same reason: it would displace the app's transaction manager. */
	private final TransactionTemplate transactions;

	EmulatorDatabase(EmulatorSettings settings) {
		this.dataSource = new HikariDataSource();
		this.dataSource.setJdbcUrl(settings.emulatorJdbcUrl());
		this.dataSource.setUsername("sa");
		this.dataSource.setMaximumPoolSize(4);
		this.dataSource.setPoolName("workos-emulator");
		migrate(dataSource);
		this.jdbc = JdbcClient.create(dataSource);
		this.transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
	}

	/** Brings the emulator's schema up to date, with its own Flyway history. */
	static void migrate(DataSource database) {
		Flyway.configure()
			.dataSource(database)
			.locations("classpath:db/emulator")
			.table("emulator_schema_history")
			.load()
			.migrate();
	}

	/** Runs {@code work} in one transaction of the emulator's database; {@link #jdbc()} calls inside it join it. */
	<T> T inTransaction(Supplier<T> work) {
		return transactions.execute(status -> work.get());
	}

	JdbcClient jdbc() {
		return jdbc;
	}

	@Override
	public void destroy() {
		dataSource.close();
	}

}
