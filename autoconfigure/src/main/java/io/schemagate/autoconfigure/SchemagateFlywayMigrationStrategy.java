package io.schemagate.autoconfigure;

import org.flywaydb.core.Flyway;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;

import io.schemagate.internal.check.StartupVerification;
import io.schemagate.internal.migrate.MigrationJob;

/**
 * Takes the place of Boot's migrate-on-startup through its own extension point, so
 * {@code FlywayMigrationInitializer} stays and JPA, {@code JdbcClient} and jOOQ still
 * wait for it: verify mode checks the schema, migrate mode runs the migration job.
 */
public final class SchemagateFlywayMigrationStrategy implements FlywayMigrationStrategy {

	private final ModeDecider decider;

	private final ObjectProvider<StartupVerification> verification;

	private final ObjectProvider<MigrationJob> job;

	private volatile boolean migrated;

	SchemagateFlywayMigrationStrategy(ModeDecider decider, ObjectProvider<StartupVerification> verification,
			ObjectProvider<MigrationJob> job) {
		this.decider = decider;
		this.verification = verification;
		this.job = job;
	}

	@Override
	public void migrate(Flyway flyway) {
		ModeDecision decision = this.decider.decideAndLog(flyway.getConfiguration().getDataSource());
		if (decision.mode() == SchemagateProperties.Mode.MIGRATE) {
			this.migrated = true;
			this.job.getObject().run(flyway, decision.exit());
		}
		else {
			this.verification.getObject().verify();
		}
	}

	/**
	 * Whether migrate mode ran.
	 * @return whether the migration job ran
	 */
	boolean hasMigrated() {
		return this.migrated;
	}

}
