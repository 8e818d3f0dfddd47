package io.schemagate.autoconfigure;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;

/**
 * Says so in the log when the application's own {@link FlywayMigrationStrategy} takes
 * precedence and Schemagate steps aside.
 */
final class MigrationStrategyNotice implements InitializingBean {

	private static final Log logger = LogFactory.getLog(MigrationStrategyNotice.class);

	private final ObjectProvider<FlywayMigrationStrategy> strategies;

	MigrationStrategyNotice(ObjectProvider<FlywayMigrationStrategy> strategies) {
		this.strategies = strategies;
	}

	@Override
	public void afterPropertiesSet() {
		this.strategies.orderedStream()
			.filter((strategy) -> !(strategy instanceof SchemagateFlywayMigrationStrategy))
			.findFirst()
			.ifPresent((strategy) -> logger.info("Schemagate stepped aside: the application defines its own "
					+ "FlywayMigrationStrategy (" + strategy.getClass().getName() + "), so 'db.mode' is not applied"));
	}

}
