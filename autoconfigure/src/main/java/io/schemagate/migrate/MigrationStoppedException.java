package io.schemagate.migrate;

import io.schemagate.SchemagateException;

/**
 * A migrate job was asked to stop (SIGTERM) before it applied every pending migration:
 * the migration running then finished, no further one was applied. The job exits
 * {@link MigrateExitCode#RETRYABLE 1}; the next one applies the rest.
 */
public class MigrationStoppedException extends SchemagateException {

	private final int applied;

	/**
	 * Create an exception.
	 * @param applied how many migrations the job applied before it stopped
	 */
	public MigrationStoppedException(int applied) {
		super("The migrate job was asked to stop after applying " + applied
				+ " migration(s); no further migration was applied", null);
		this.applied = applied;
	}

	/**
	 * How many migrations the job applied before it stopped.
	 * @return the count
	 */
	public int getApplied() {
		return this.applied;
	}

	@Override
	public String getDescription() {
		return "The migrate job was asked to stop (SIGTERM) after applying " + this.applied + " migration(s); the "
				+ "migration running then finished or rolled back, and no further one was applied.";
	}

	@Override
	public String getAction() {
		return "None: the next migrate job applies the rest. Give the job's pod a "
				+ "'terminationGracePeriodSeconds' longer than its longest migration.";
	}

}
