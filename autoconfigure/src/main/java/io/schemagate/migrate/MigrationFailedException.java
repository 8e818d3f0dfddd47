package io.schemagate.migrate;

import org.jspecify.annotations.Nullable;

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
		SchemagateException reported = reported();
		String target = (this.outcome.target() != null) ? " of target '" + this.outcome.target() + "'" : "";
		return "Database migration" + target + " failed (exit code " + this.outcome.exitCode().code() + "): "
				+ ((reported != null) ? reported.getDescription() : Messages.describe(this.outcome.failure()));
	}

	@Override
	public String getAction() {
		SchemagateException reported = reported();
		if (reported != null) {
			return reported.getAction();
		}
		if (this.outcome.exitCode() == MigrateExitCode.RETRYABLE) {
			return "The database could not be reached or another job held Flyway's lock; retrying may help. "
					+ "Check that the database is up and the migration credentials are right "
					+ "('spring.flyway.user', 'spring.flyway.password' or 'spring.datasource.*').";
		}
		return "A migration or validation failed; retrying will not help. Fix the migration, remove what it "
				+ "half-applied and run Flyway's repair if the schema history records the failure, then run the "
				+ "migration job again.";
	}

	/**
	 * A failure of Schemagate's own among the causes, which says best what happened.
	 */
	private @Nullable SchemagateException reported() {
		for (Throwable cause = this.outcome.failure(); cause != null; cause = cause.getCause()) {
			if (cause instanceof SchemagateException schemagate) {
				return schemagate;
			}
			if (cause.getCause() == cause) {
				break;
			}
		}
		return null;
	}

}
