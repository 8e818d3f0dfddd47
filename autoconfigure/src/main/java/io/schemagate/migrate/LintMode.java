package io.schemagate.migrate;

/**
 * What the migration job does with statements of pending migrations that break the
 * version still running, when the script declares no {@code schemagate:breaks-before}.
 */
public enum LintMode {

	/**
	 * Log a warning for each, naming the script, line, statement and the safe
	 * alternative, then migrate.
	 */
	WARN,

	/**
	 * Log them and exit with code 2 before applying anything.
	 */
	FAIL,

	/**
	 * Do not look.
	 */
	OFF

}
