package io.schemagate.bench.harness;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;

import io.schemagate.bench.app.BenchTenants;

/**
 * The PostgreSQL server the benchmark runs on, and one database per migration set on it.
 * The server comes from {@code BENCH_POSTGRESQL_URL} (a URL to any existing database),
 * {@code BENCH_POSTGRESQL_USERNAME} and {@code BENCH_POSTGRESQL_PASSWORD}, by default the
 * local server as user {@code postgres}.
 */
final class BenchDatabase {

	private final String serverUrl;

	private final String username;

	private final String password;

	private BenchDatabase(String url, String username, String password) {
		this.serverUrl = url.substring(0, url.lastIndexOf('/') + 1);
		this.username = username;
		this.password = password;
	}

	static BenchDatabase fromEnvironment() {
		return new BenchDatabase(env("BENCH_POSTGRESQL_URL", "jdbc:postgresql://127.0.0.1:5432/postgres"),
				env("BENCH_POSTGRESQL_USERNAME", "postgres"), env("BENCH_POSTGRESQL_PASSWORD", ""));
	}

	String url(String database) {
		return this.serverUrl + database;
	}

	String username() {
		return this.username;
	}

	String password() {
		return this.password;
	}

	/**
	 * Create the database for a migration set, or keep the one a previous run left when
	 * it already holds the whole set.
	 * @param set the migrations
	 * @return the database's name
	 */
	String prepare(MigrationSet set) {
		String name = "sg_bench_" + set.size();
		if (!holdsAll(name, "flyway_schema_history", set)) {
			recreate(name);
			try (HikariDataSource dataSource = dataSource(name, 2)) {
				// one transaction for the whole set: setting up 10,000 migrations one by
				// one would take minutes and measure nothing
				Flyway.configure().dataSource(dataSource).locations(set.location()).group(true).load().migrate();
			}
		}
		return name;
	}

	/**
	 * Create a database of {@code tenants} schemas, each holding the whole set, or keep
	 * the one a previous run left.
	 * @param set the migrations of each tenant
	 * @param tenants how many tenant schemas
	 * @return the database's name
	 */
	String prepareTenants(MigrationSet set, int tenants) {
		String name = "sg_bench_tenants_" + tenants + "x" + set.size();
		String last = BenchTenants.schema(tenants - 1) + ".flyway_schema_history";
		if (!holdsAll(name, last, set)) {
			recreate(name);
			try (HikariDataSource dataSource = dataSource(name, 2)) {
				for (int tenant = 0; tenant < tenants; tenant++) {
					Flyway.configure()
						.dataSource(dataSource)
						.schemas(BenchTenants.schema(tenant))
						.locations(set.location())
						.group(true)
						.load()
						.migrate();
				}
			}
		}
		return name;
	}

	/**
	 * Drop and create a database.
	 * @param name the database
	 */
	void recreate(String name) {
		try (Connection connection = DriverManager.getConnection(url("postgres"), this.username, this.password);
				Statement statement = connection.createStatement()) {
			statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
			statement.execute("CREATE DATABASE " + name);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot create database '" + name + "': " + ex.getMessage(), ex);
		}
	}

	HikariDataSource dataSource(String database, int poolSize) {
		HikariDataSource dataSource = new HikariDataSource();
		dataSource.setJdbcUrl(url(database));
		dataSource.setUsername(this.username);
		dataSource.setPassword(this.password);
		dataSource.setMaximumPoolSize(poolSize);
		return dataSource;
	}

	String serverVersion() {
		try (Connection connection = DriverManager.getConnection(url("postgres"), this.username, this.password)) {
			return "PostgreSQL " + connection.getMetaData().getDatabaseProductVersion();
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot reach PostgreSQL at " + this.serverUrl + ": " + ex.getMessage(),
					ex);
		}
	}

	private boolean holdsAll(String name, String table, MigrationSet set) {
		try (Connection connection = DriverManager.getConnection(url(name), this.username, this.password);
				Statement statement = connection.createStatement();
				var rows = statement
					.executeQuery("SELECT count(*) FROM " + table + " WHERE success AND version IS NOT NULL")) {
			return rows.next() && rows.getInt(1) == set.size();
		}
		catch (SQLException ex) {
			return false;
		}
	}

	private static String env(String name, String fallback) {
		String value = System.getenv(name);
		return (value != null && !value.isEmpty()) ? value : fallback;
	}

}
