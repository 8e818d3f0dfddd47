package io.schemagate.autoconfigure;

import java.util.List;

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
	 * Decide the mode for migrations on data sources: unless 'db.mode' says otherwise, a
	 * test context migrates, and so do in-memory databases when every target's is one.
	 * @param dataSources the data sources of the targets
	 * @return the decision
	 */
	ModeDecision decide(List<DataSource> dataSources) {
		Mode mode = this.properties.getMode();
		if (mode != null) {
			return new ModeDecision(mode, this.properties.getMigrate().isExit(), null);
		}
		if (this.testContext) {
			return new ModeDecision(Mode.MIGRATE, false, "this is a Spring test context");
		}
		if (!dataSources.isEmpty() && dataSources.stream().allMatch(InMemoryDatabases::isInMemory)) {
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
		return decide(List.of(dataSource)).modeName();
	}

	/**
	 * The name of the mode for migrations on data sources, as users write it.
	 * @param dataSources the data sources of the targets
	 * @return {@code verify} or {@code migrate}
	 */
	public String modeName(List<DataSource> dataSources) {
		return decide(dataSources).modeName();
	}

	/**
	 * Decide, and say so in the log when {@code db.mode} did not.
	 * @param dataSources the data sources of the targets
	 * @return the decision
	 */
	ModeDecision decideAndLog(List<DataSource> dataSources) {
		ModeDecision decision = decide(dataSources);
		if (decision.reason() != null) {
			logger.info("Database migration mode - migrating, then serving: " + decision.reason()
					+ " (set 'db.mode' to choose otherwise)");
		}
		return decision;
	}

}
