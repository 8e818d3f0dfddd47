package io.schemagate.autoconfigure;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.jdbc.DatabaseDriver;
import org.springframework.boot.jdbc.EmbeddedDatabaseConnection;
import org.springframework.jdbc.datasource.AbstractDriverBasedDataSource;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabase;

/**
 * Tells an in-memory embedded database (H2, HSQLDB or Derby {@code mem:}) by Boot's own
 * rules, from the data source's URL where the pool exposes it (Hikari, Spring's driver
 * data sources), so deciding costs no connection; Boot's connection-based detection
 * serves other data sources.
 */
final class InMemoryDatabases {

	private InMemoryDatabases() {
	}

	static boolean isInMemory(DataSource dataSource) {
		if (dataSource instanceof EmbeddedDatabase) {
			return true;
		}
		Connectable connectable = connectable(dataSource);
		String url = (connectable != null) ? connectable.url() : null;
		if (url == null) {
			return EmbeddedDatabaseConnection.isEmbedded(dataSource);
		}
		String driverClassName = (connectable.driverClassName() != null) ? connectable.driverClassName()
				: DatabaseDriver.fromJdbcUrl(url).getDriverClassName();
		return EmbeddedDatabaseConnection.isEmbedded(driverClassName, url);
	}

	private static @Nullable Connectable connectable(DataSource dataSource) {
		if (HikariPools.PRESENT) {
			Connectable hikari = Hikari.connectable(dataSource);
			if (hikari != null) {
				return hikari;
			}
		}
		if (dataSource instanceof SimpleDriverDataSource simple) {
			return new Connectable(simple.getUrl(),
					(simple.getDriver() != null) ? simple.getDriver().getClass().getName() : null);
		}
		if (dataSource instanceof AbstractDriverBasedDataSource driverBased) {
			return new Connectable(driverBased.getUrl(), null);
		}
		return null;
	}

	private record Connectable(@Nullable String url, @Nullable String driverClassName) {

	}

	private static final class Hikari {

		static @Nullable Connectable connectable(DataSource dataSource) {
			com.zaxxer.hikari.HikariDataSource pool = HikariPools.unwrap(dataSource);
			return (pool != null) ? new Connectable(pool.getJdbcUrl(), pool.getDriverClassName()) : null;
		}

	}

}
