package io.schemagate.migrate;

/**
 * Told of every migrate run.
 */
@FunctionalInterface
public interface MigrationListener {

	/**
	 * A migrate run has ended.
	 * @param outcome how it ended
	 */
	void onMigration(MigrationOutcome outcome);

}
