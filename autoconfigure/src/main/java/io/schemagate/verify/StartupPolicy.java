package io.schemagate.verify;

/**
 * What verify mode does when the schema is not ready at startup.
 */
public enum StartupPolicy {

	/**
	 * Stop startup with a failure report; the process exits non-zero.
	 */
	FAIL,

	/**
	 * Check again every poll interval while the database is behind or unreachable, until
	 * ready or the wait timeout has passed, then fail.
	 */
	WAIT,

	/**
	 * Start anyway; readiness refuses traffic until a check finds the schema ready.
	 */
	START_UNREADY

}
