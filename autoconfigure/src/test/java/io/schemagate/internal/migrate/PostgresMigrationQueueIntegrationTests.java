package io.schemagate.internal.migrate;

import io.schemagate.testsupport.DatabaseKind;

/**
 * The migrate queue on PostgreSQL: transaction-scoped advisory locks.
 */
class PostgresMigrationQueueIntegrationTests extends AbstractMigrationQueueIntegrationTests {

	PostgresMigrationQueueIntegrationTests() {
		super(DatabaseKind.POSTGRESQL);
	}

	@Override
	int waitingSessions() {
		Integer count = jdbc().queryForObject("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' "
				+ "AND NOT granted AND database = (SELECT oid FROM pg_database WHERE datname = current_database())",
				Integer.class);
		return (count != null) ? count : 0;
	}

	@Override
	String slowStatement(int seconds) {
		return "SELECT pg_sleep(" + seconds + ");";
	}

	@Override
	boolean slowStatementRuns() {
		Integer count = jdbc()
			.queryForObject("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
					+ "AND query LIKE 'SELECT pg_sleep(30)%' AND state = 'active'", Integer.class);
		return count != null && count > 0;
	}

	@Override
	void endSlowStatements() {
		jdbc().queryForList("SELECT pg_cancel_backend(pid) FROM pg_stat_activity WHERE datname = current_database() "
				+ "AND query LIKE 'SELECT pg_sleep%' AND pid <> pg_backend_pid()");
	}

	@Override
	void endSession(String session) {
		jdbc().queryForObject("SELECT pg_terminate_backend(?)", Boolean.class, Integer.parseInt(session));
	}

}
