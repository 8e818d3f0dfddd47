package io.schemagate.sample;

import io.schemagate.testsupport.DatabaseKind;

/**
 * The migration job as a process on PostgreSQL.
 */
class PostgresMigrateJobProcessIT extends AbstractMigrateJobProcessIT {

	PostgresMigrateJobProcessIT() {
		super(DatabaseKind.POSTGRESQL);
	}

	@Override
	String sleep(int seconds) {
		return "SELECT pg_sleep(" + seconds + ");";
	}

	@Override
	void killSessionsBut(long spared) {
		jdbc().queryForList("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() "
				+ "AND pid <> pg_backend_pid() AND pid <> ?", spared);
	}

}
