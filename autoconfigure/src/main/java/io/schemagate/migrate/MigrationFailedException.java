package io.schemagate.migrate;

import io.schemagate.SchemagateException;
import io.schemagate.internal.Messages;

/**
 * Thrown when migrate mode fails and the application was asked to go on serving
 * ({@code db.migrate.exit=false}).
 */
public class MigrationFailedException extends SchemagateException {

	private final MigrationOutcome outcome;

	/**
	 * Create an exception for a failed run.
	 * @param outcome the failed outcome
	 */
	public MigrationFailedException(MigrationOutcome outcome) {
		super("Database migration failed: " + Messages.describe(outcome.failure()), outcome.failure());
		this.outcome = outcome;
	}

	/**
	 * The failed outcome.
	 * @return the outcome
	 */
	public MigrationOutcome getOutcome() {
		return this.outcome;
	}

	@Override
	public String getDescription() {
		return "Database migration failed (exit code " + this.outcome.exitCode().code() + "): "
				+ Messages.describe(this.outcome.failure());
	}

	@Override
	public String getAction() {
		if (this.outcome.exitCode() == MigrateExitCode.RETRYABLE) {
			return "The database could not be reached or another job held Flyway's lock; retrying may help. "
					+ "Check that the database is up and the migration credentials are right "
					+ "('spring.flyway.user', 'spring.flyway.password' or 'spring.datasource.*').";
		}
		return "A migration or validation failed; retrying will not help. Fix the migration, remove what it "
				+ "half-applied and run Flyway's repair if the schema history records the failure, then run the "
				+ "migration job again.";
	}

}
