package io.schemagate.sample;

import io.schemagate.testsupport.DatabaseKind;

/**
 * The migration job as a process on MariaDB, where Flyway alone waits for its lock for
 * ever.
 */
class MariaDbMigrateJobProcessIT extends AbstractMigrateJobProcessIT {

	MariaDbMigrateJobProcessIT() {
		super(DatabaseKind.MARIADB);
	}

	@Override
	String sleep(int seconds) {
		return "SELECT SLEEP(" + seconds + ");";
	}

	@Override
	String waitForGate() {
		// the lock is the server's: its name holds the database's
		return "SELECT GET_LOCK(CONCAT('gate-', DATABASE()), 600);\nSELECT RELEASE_LOCK(CONCAT('gate-', DATABASE()));";
	}

	@Override
	String closeGate() {
		return "SELECT GET_LOCK(CONCAT('gate-', DATABASE()), 0)";
	}

	@Override
	String sessionIdQuery() {
		return "SELECT CONNECTION_ID()";
	}

	@Override
	void killSessionsBut(long spared) {
		for (Long id : jdbc().queryForList(
				"SELECT ID FROM information_schema.PROCESSLIST WHERE DB = DATABASE() AND ID <> CONNECTION_ID() AND ID <> ?",
				Long.class, spared)) {
			jdbc().execute("KILL " + id);
		}
	}

}
