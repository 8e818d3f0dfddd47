package io.schemagate.autoconfigure;

import javax.sql.DataSource;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;

import io.schemagate.autoconfigure.SchemagateProperties.Mode;

/**
 * Decides the mode from {@code db.mode}, or, when it is unset, from where the application
 * runs: a Spring test context or an in-memory embedded database has no migration job that
 * could migrate it, so it migrates and then serves, as plain Spring Boot does; anything
 * else verifies.
 */
public final class ModeDecider {

	/**
	 * The property source the test context customizer adds, lowest in precedence.
	 */
	static final String TEST_CONTEXT_PROPERTY_SOURCE = "schemagateTestContext";

	private static final Log logger = LogFactory.getLog(ModeDecider.class);

	private final SchemagateProperties properties;

	private final boolean testContext;

	ModeDecider(SchemagateProperties properties, Environment environment) {
		this.properties = properties;
		this.testContext = environment instanceof ConfigurableEnvironment configurable
				&& configurable.getPropertySources().contains(TEST_CONTEXT_PROPERTY_SOURCE);
	}

	/**
	 * Decide the mode for migrations on a data source.
	 * @param dataSource the data source Flyway uses
	 * @return the decision
	 */
	ModeDecision decide(DataSource dataSource) {
		Mode mode = this.properties.getMode();
		if (mode != null) {
			return new ModeDecision(mode, this.properties.getMigrate().isExit(), null);
		}
		if (this.testContext) {
			return new ModeDecision(Mode.MIGRATE, false, "this is a Spring test context");
		}
		if (InMemoryDatabases.isInMemory(dataSource)) {
			return new ModeDecision(Mode.MIGRATE, false,
					"the database is an in-memory embedded database, which no migration job could migrate");
		}
		return new ModeDecision(Mode.VERIFY, this.properties.getMigrate().isExit(), null);
	}

	/**
	 * The name of the mode for migrations on a data source, as users write it.
	 * @param dataSource the data source Flyway uses
	 * @return {@code verify} or {@code migrate}
	 */
	public String modeName(DataSource dataSource) {
		return decide(dataSource).modeName();
	}

	/**
	 * Decide, and say so in the log when {@code db.mode} did not.
	 * @param dataSource the data source Flyway uses
	 * @return the decision
	 */
	ModeDecision decideAndLog(DataSource dataSource) {
		ModeDecision decision = decide(dataSource);
		if (decision.reason() != null) {
			logger.info("Database migration mode - migrating, then serving: " + decision.reason()
					+ " (set 'db.mode' to choose otherwise)");
		}
		return decision;
	}

}
