package io.schemagate.autoconfigure;

import javax.sql.DataSource;

import org.flywaydb.core.api.configuration.FluentConfiguration;

import org.springframework.boot.flyway.autoconfigure.FlywayProperties;

/**
 * Verify's lean path for tests in other packages: a Flyway configuration made from the
 * {@code spring.flyway.*} settings as {@link SchemaTargets} makes it.
 */
public final class LeanConfigurations {

	private LeanConfigurations() {
	}

	/**
	 * The configuration the lean path makes.
	 * @param properties the settings, every one of them listed by the lean path
	 * @param dataSource the data source Spring Boot would give Flyway
	 * @return the configuration
	 */
	public static FluentConfiguration of(FlywayProperties properties, DataSource dataSource) {
		if (BootFlywaySettings.unlisted(properties) != null) {
			throw new IllegalArgumentException(
					"The lean path does not take " + BootFlywaySettings.unlisted(properties));
		}
		return BootFlywaySettings.configuration(properties, dataSource, LeanConfigurations.class.getClassLoader());
	}

}
