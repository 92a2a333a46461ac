package io.gatehouse.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import org.junit.jupiter.api.Assumptions;

/**
 * The PostgreSQL tests' database: a fresh one per test class, in the cluster {@code GATEHOUSE_POSTGRES_URL} names (an
 * admin JDBC URL, e.g. from {@code scripts/throwaway-postgres.sh}). Without it the tests are skipped with a notice,
 * unless {@code GATEHOUSE_REQUIRE_POSTGRES=true} (as in CI), which turns a missing database into a failure.
 */
public final class Postgres {

	private final String adminUrl;

	private final String name;

	private Postgres(String adminUrl, String name) {
		this.adminUrl = adminUrl;
		this.name = name;
	}

	/** Creates a fresh, empty database. */
	public static Postgres freshDatabase() {
		String adminUrl = System.getenv("GATEHOUSE_POSTGRES_URL");
		if (adminUrl == null || adminUrl.isBlank()) {
			String notice = "PostgreSQL tests skipped: set GATEHOUSE_POSTGRES_URL (see scripts/throwaway-postgres.sh)";
			if (Boolean.parseBoolean(System.getenv("GATEHOUSE_REQUIRE_POSTGRES"))) {
				throw new IllegalStateException(notice + " (GATEHOUSE_REQUIRE_POSTGRES=true)");
			}
			Assumptions.abort(notice);
		}
		String name = "gatehouse_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
		execute(adminUrl, "create database " + name);
		return new Postgres(adminUrl, name);
	}

	/** The JDBC URL of the fresh database (same server and credentials as the admin URL). */
	public String url() {
		int query = adminUrl.indexOf('?');
		String base = query < 0 ? adminUrl : adminUrl.substring(0, query);
		return base.substring(0, base.lastIndexOf('/') + 1) + name + (query < 0 ? "" : adminUrl.substring(query));
	}

	public void drop() {
		execute(adminUrl, "drop database if exists " + name + " with (force)");
	}

	private static void execute(String url, String sql) {
		try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
		catch (SQLException e) {
			throw new IllegalStateException("PostgreSQL at " + url + ": " + e.getMessage(), e);
		}
	}

}
