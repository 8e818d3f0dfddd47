package io.schemagate.internal.migrate;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransactionRollbackException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.internal.exception.FlywaySqlException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.schemagate.migrate.LintFailedException;
import io.schemagate.migrate.MigrateExitCode;
import io.schemagate.migrate.MigrationLockTimeoutException;
import io.schemagate.migrate.MigrationStoppedException;

import static io.schemagate.migrate.MigrateExitCode.NEEDS_ATTENTION;
import static io.schemagate.migrate.MigrateExitCode.RETRYABLE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * {@link FailureClassifier}: the exit code of each failure, as the drivers and pools
 * raise them, by type and SQL state.
 */
class FailureClassifierTests {

	@ParameterizedTest(name = "{0}")
	@MethodSource("failures")
	void failureExitsWithItsCode(String failure, Throwable thrown, MigrateExitCode expected) {
		assertThat(FailureClassifier.classify(thrown)).isEqualTo(expected);
	}

	/**
	 * What Hikari throws when a connection it closed is used: a plain exception, told by
	 * where it comes from.
	 */
	private static SQLException closedPooledConnection() {
		SQLException closed = new SQLException("Connection is closed");
		closed.setStackTrace(new StackTraceElement[] {
				new StackTraceElement("com.zaxxer.hikari.pool.ProxyConnection$ClosedConnection",
						"lambda$getClosedConnection$0", "ProxyConnection.java", 516) });
		return closed;
	}

	static Stream<Arguments> failures() {
		SQLException badPassword = new SQLException("password authentication failed for user \"ddl\"", "28P01");
		return Stream.of(
				arguments("lock timeout",
						new MigrationLockTimeoutException("Flyway's lock", Duration.ofSeconds(1), null), RETRYABLE),
				arguments("stopped, inside Flyway's callback failure",
						new FlywayException(
								"Error while executing beforeEachMigrate callback", new MigrationStoppedException(2)),
						RETRYABLE),
				arguments("out of memory", new OutOfMemoryError("Java heap space"), RETRYABLE),
				arguments("bad password, plain data source", badPassword, NEEDS_ATTENTION),
				arguments("bad password, Hikari's pool timeout around it",
						new SQLTransientConnectionException("HikariPool-1 - Connection is not available", "08001",
								badPassword),
						NEEDS_ATTENTION),
				arguments("bad password, Hikari's pool initialization around it",
						new RuntimeException("Failed to initialize pool", badPassword), NEEDS_ATTENTION),
				arguments("MariaDB's refused user", new SQLException("Access denied for user", "28000", 1045),
						NEEDS_ATTENTION),
				arguments("connection refused, in the driver's exception",
						new SQLException("Connection to 127.0.0.1:1 refused", "08001",
								new ConnectException("Connection refused")),
						RETRYABLE),
				arguments("connection lost mid-migration",
						new FlywaySqlException("Migration failed", new SQLException("I/O error", "08006")), RETRYABLE),
				arguments("Hikari's pool timeout, database down",
						new SQLTransientConnectionException("Connection is not available", "08001",
								new ConnectException("Connection refused")),
						RETRYABLE),
				arguments("PostgreSQL failover (admin shutdown)",
						new FlywaySqlException("Migration failed",
								new SQLException("terminating connection due to administrator command", "57P01")),
						RETRYABLE),
				arguments("PostgreSQL crash shutdown", new SQLException("crash", "57P02"), RETRYABLE),
				arguments("PostgreSQL starting", new SQLException("the database system is starting up", "57P03"),
						RETRYABLE),
				arguments("serialization failure", new SQLException("could not serialize", "40001"), RETRYABLE),
				arguments("PostgreSQL deadlock", new SQLException("deadlock detected", "40P01"), RETRYABLE),
				arguments("PostgreSQL lock not available",
						new SQLException("canceling statement due to lock timeout", "55P03"), RETRYABLE),
				arguments("H2 lock timeout", new SQLException("Timeout trying to lock table", "HYT00", 50200),
						RETRYABLE),
				arguments("PostgreSQL too many connections", new SQLException("too many clients", "53300"), RETRYABLE),
				arguments("MariaDB lock wait timeout", new SQLException("Lock wait timeout exceeded", "HY000", 1205),
						RETRYABLE),
				arguments("MariaDB deadlock", new SQLTransactionRollbackException("Deadlock found", "40001", 1213),
						RETRYABLE),
				arguments("MariaDB connection killed",
						new SQLNonTransientConnectionException("Connection was killed", "70100", 1927), RETRYABLE),
				arguments("MySQL server gone", new SQLException("MySQL server has gone away", "HY000", 2006),
						RETRYABLE),
				arguments("a driver's transient failure, no SQL state",
						new SQLTransientConnectionException("connection reset"), RETRYABLE),
				arguments("Hikari's closed connection, after the session was killed",
						new FlywaySqlException("Unable to insert row", closedPooledConnection()), RETRYABLE),
				arguments("a plain SQLException without a state from elsewhere",
						new FlywaySqlException("Unable to insert row", new SQLException("Connection is closed")),
						NEEDS_ATTENTION),
				arguments("a migration's SQL fails",
						new FlywaySqlException("Migration V2__x.sql failed",
								new SQLException("relation \"no_such_table\" does not exist", "42P01")),
						NEEDS_ATTENTION),
				arguments("MariaDB syntax error",
						new SQLException("You have an error in your SQL syntax", "42000", 1064), NEEDS_ATTENTION),
				arguments("validation failed",
						new FlywayException("Validate failed: Migrations have failed validation"), NEEDS_ATTENTION),
				arguments("lint failed", new LintFailedException(List.of("V2 drops column name")), NEEDS_ATTENTION),
				arguments("a bean failed before Flyway ran", new IllegalStateException("Failed to bind properties"),
						NEEDS_ATTENTION),
				arguments("a non-transient connection failure of the wrong driver",
						new SQLNonTransientConnectionException("No suitable driver", "08001"), RETRYABLE));
	}

}
