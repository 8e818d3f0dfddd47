package io.schemagate.autoconfigure;

import org.flywaydb.core.Flyway;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;

import io.schemagate.migrate.MigrationJob;
import io.schemagate.verify.StartupVerification;

/**
 * Takes the place of Boot's migrate-on-startup through its own extension point, so
 * {@code FlywayMigrationInitializer} stays and JPA, {@code JdbcClient} and jOOQ still
 * wait for it: verify mode checks the schema, migrate mode runs the migration job.
 */
public final class SchemagateFlywayMigrationStrategy implements FlywayMigrationStrategy {

	private final SchemagateProperties.Mode mode;

	private final ObjectProvider<StartupVerification> verification;

	private final ObjectProvider<MigrationJob> job;

	SchemagateFlywayMigrationStrategy(SchemagateProperties.Mode mode, ObjectProvider<StartupVerification> verification,
			ObjectProvider<MigrationJob> job) {
		this.mode = mode;
		this.verification = verification;
		this.job = job;
	}

	/**
	 * The mode this strategy applies.
	 * @return the mode
	 */
	public SchemagateProperties.Mode getMode() {
		return this.mode;
	}

	@Override
	public void migrate(Flyway flyway) {
		if (this.mode == SchemagateProperties.Mode.MIGRATE) {
			this.job.getObject().run(flyway);
		}
		else {
			this.verification.getObject().verify();
		}
	}

}
