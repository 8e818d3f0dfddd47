package io.schemagate.internal.migrate;

import java.sql.SQLException;
import java.time.Duration;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import io.schemagate.internal.lock.MigrationLocks;
import io.schemagate.testsupport.DatabaseKind;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The migrate queue on PostgreSQL: transaction-scoped advisory locks.
 */
class PostgresMigrationQueueIntegrationTests extends AbstractMigrationQueueIntegrationTests {

	PostgresMigrationQueueIntegrationTests() {
		super(DatabaseKind.POSTGRESQL);
	}

	/**
	 * A turn is a lock of its transaction, so that a pooler in transaction mode keeps the
	 * turn's statements on one server session and the lock ends with the transaction.
	 */
	@Test
	void turnIsALockOfItsTransaction() throws SQLException {
		try (MigrationLocks.Turn turn = MigrationQueue.join(Flyway.configure().dataSource(pool()),
				Duration.ofMinutes(1), new StopSignal())) {
			assertThat(jdbc().queryForList(
					"SELECT a.state FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid "
							+ "WHERE l.locktype = 'advisory' AND l.granted "
							+ "AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())",
					String.class))
				.containsExactly("idle in transaction");
		}
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
