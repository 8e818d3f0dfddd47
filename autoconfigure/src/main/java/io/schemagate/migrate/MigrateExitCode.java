package io.schemagate.migrate;

/**
 * The exit codes of a migration job, as a Kubernetes Job's pod failure policy reads them.
 */
public enum MigrateExitCode {

	/**
	 * Migrated, or nothing was pending.
	 */
	SUCCESS(0),

	/**
	 * Retrying may help: the database could not be reached or failed over, the job's turn
	 * did not come within the lock timeout, or the job was asked to stop.
	 */
	RETRYABLE(1),

	/**
	 * A person must act: a migration or validation failed, a setting is wrong, or nothing
	 * would be migrated; retrying will not help.
	 */
	NEEDS_ATTENTION(2);

	private final int code;

	MigrateExitCode(int code) {
		this.code = code;
	}

	/**
	 * The process exit code.
	 * @return the code
	 */
	public int code() {
		return this.code;
	}

}
