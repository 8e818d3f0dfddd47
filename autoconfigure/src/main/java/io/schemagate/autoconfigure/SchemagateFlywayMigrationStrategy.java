package io.schemagate.autoconfigure;

import org.flywaydb.core.Flyway;

import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;

/**
 * Takes the place of Boot's migrate-on-startup through its own extension point: Spring
 * Boot's {@code FlywayMigrationInitializer} then migrates nothing, and Schemagate's
 * initializer, which Spring Boot runs right after it (and before JPA, {@code JdbcClient}
 * or jOOQ), checks or migrates every target.
 */
public final class SchemagateFlywayMigrationStrategy implements FlywayMigrationStrategy {

	SchemagateFlywayMigrationStrategy() {
	}

	@Override
	public void migrate(Flyway flyway) {
		// the initializer runs the mode for every target, this one included
	}

}
