package io.schemagate.internal.migrate;

import io.schemagate.testsupport.DatabaseKind;

/**
 * The migrate queue on MariaDB: named locks, where Flyway alone waits for ever.
 */
class MariaDbMigrationQueueIntegrationTests extends AbstractMigrationQueueIntegrationTests {

	MariaDbMigrationQueueIntegrationTests() {
		super(DatabaseKind.MARIADB);
	}

	@Override
	int waitingSessions() {
		Integer count = jdbc().queryForObject(
				"SELECT count(*) FROM information_schema.PROCESSLIST WHERE INFO LIKE 'SELECT GET_LOCK%' AND DB = DATABASE()",
				Integer.class);
		return (count != null) ? count : 0;
	}

	@Override
	String slowStatement(int seconds) {
		return "SELECT SLEEP(" + seconds + ");";
	}

	@Override
	boolean slowStatementRuns() {
		Integer count = jdbc().queryForObject("SELECT count(*) FROM information_schema.PROCESSLIST WHERE INFO LIKE "
				+ "'SELECT SLEEP(30)%' AND DB = DATABASE()", Integer.class);
		return count != null && count > 0;
	}

	@Override
	void endSlowStatements() {
		for (Long id : jdbc().queryForList("SELECT ID FROM information_schema.PROCESSLIST WHERE INFO LIKE "
				+ "'SELECT SLEEP%' AND DB = DATABASE()", Long.class)) {
			jdbc().execute("KILL QUERY " + id);
		}
	}

	@Override
	void endSession(String session) {
		jdbc().execute("KILL " + Long.parseLong(session));
	}

}
