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
	void killSessionsBut(long spared) {
		for (Long id : jdbc().queryForList(
				"SELECT ID FROM information_schema.PROCESSLIST WHERE DB = DATABASE() AND ID <> CONNECTION_ID() AND ID <> ?",
				Long.class, spared)) {
			jdbc().execute("KILL " + id);
		}
	}

}
