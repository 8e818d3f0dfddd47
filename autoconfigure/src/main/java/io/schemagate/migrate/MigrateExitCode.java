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
	 * The database could not be reached or Flyway's lock was not acquired; retrying may
	 * help.
	 */
	RETRYABLE(1),

	/**
	 * A migration or validation failed; retrying will not help, a person must act.
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
