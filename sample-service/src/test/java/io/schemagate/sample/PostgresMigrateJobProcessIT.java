package io.schemagate.sample;

import io.schemagate.testsupport.DatabaseKind;

/**
 * The migration job as a process on PostgreSQL.
 */
class PostgresMigrateJobProcessIT extends AbstractMigrateJobProcessIT {

	private static final long GATE = 20_261_202L;

	PostgresMigrateJobProcessIT() {
		super(DatabaseKind.POSTGRESQL);
	}

	@Override
	String sleep(int seconds) {
		return "SELECT pg_sleep(" + seconds + ");";
	}

	@Override
	String waitForGate() {
		return "SELECT pg_advisory_lock(" + GATE + ");\nSELECT pg_advisory_unlock(" + GATE + ");";
	}

	@Override
	String closeGate() {
		// an advisory lock of this database only, of another number than Flyway's
		return "SELECT pg_advisory_lock(" + GATE + ")";
	}

	@Override
	String sessionIdQuery() {
		return "SELECT pg_backend_pid()";
	}

	@Override
	void killSessionsBut(long spared) {
		jdbc().queryForList("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() "
				+ "AND pid <> pg_backend_pid() AND pid <> ?", spared);
	}

}
