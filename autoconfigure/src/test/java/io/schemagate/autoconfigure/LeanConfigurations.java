package io.schemagate.autoconfigure;

import javax.sql.DataSource;

import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.api.configuration.FluentConfiguration;

import org.springframework.boot.flyway.autoconfigure.FlywayProperties;

/**
 * Verify's lean path for tests in other packages: Flyway configurations made from the
 * {@code spring.flyway.*} settings as {@link SchemaTargets} makes them.
 */
public final class LeanConfigurations {

	private LeanConfigurations() {
	}

	/**
	 * The configuration the lean path makes, from which Spring Boot's bean would build
	 * Flyway's engine.
	 * @param properties the settings, every one of them listed by the lean path
	 * @param dataSource the data source Spring Boot would give Flyway
	 * @return the configuration
	 */
	public static FluentConfiguration of(FlywayProperties properties, DataSource dataSource) {
		check(properties);
		return BootFlywaySettings.configuration(properties, dataSource, LeanConfigurations.class.getClassLoader());
	}

	/**
	 * The configuration the lean path gives the verifier.
	 * @param properties the settings, every one of them listed by the lean path
	 * @param dataSource the data source Spring Boot would give Flyway
	 * @return the configuration
	 */
	public static Configuration forVerify(FlywayProperties properties, DataSource dataSource) {
		check(properties);
		return BootFlywaySettings.verifyConfiguration(properties, dataSource,
				LeanConfigurations.class.getClassLoader());
	}

	private static void check(FlywayProperties properties) {
		String unlisted = BootFlywaySettings.unlisted(properties);
		if (unlisted != null) {
			throw new IllegalArgumentException("The lean path does not take " + unlisted);
		}
	}

}
