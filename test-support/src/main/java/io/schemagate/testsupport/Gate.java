package io.schemagate.testsupport;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A lock of the test's own on a test database, held by a session of its own, for a
 * migration that must last until the test lets it end: the script of
 * {@link #migration(DatabaseKind)} waits at the gate while the test holds it, and goes on
 * when {@link #close()} lets the lock go (or the gate's session ends). A test then waits
 * for what it means to wait for, instead of a sleep long enough for it.
 * <p>
 * On PostgreSQL an advisory lock of the database, of another number than Flyway's; on
 * MariaDB a named lock of the server, its name holding the database's.
 *
 * @author Schemagate
 */
public final class Gate implements AutoCloseable {

	/** The PostgreSQL advisory lock: Flyway's numbers start with "Flyway" in ASCII. */
	private static final long POSTGRESQL_LOCK = 20_261_202L;

	private static final String MARIADB_LOCK = "CONCAT('gate-', DATABASE())";

	private final DatabaseKind kind;

	private final Connection connection;

	private Gate(DatabaseKind kind, Connection connection) {
		this.kind = kind;
		this.connection = connection;
	}

	/**
	 * Take the gate's lock on a database, on a new connection.
	 * @param database the database
	 * @return the held gate, to close to let migrations go on
	 * @throws SQLException if the lock cannot be taken
	 */
	public static Gate hold(TestDatabase database) throws SQLException {
		Connection connection = database.dataSource().getConnection();
		try (Statement statement = connection.createStatement()) {
			statement.execute(switch (database.kind()) {
				case POSTGRESQL -> "SELECT pg_advisory_lock(" + POSTGRESQL_LOCK + ")";
				case MARIADB -> "SELECT GET_LOCK(" + MARIADB_LOCK + ", 0)";
			});
			return new Gate(database.kind(), connection);
		}
		catch (SQLException ex) {
			connection.close();
			throw ex;
		}
	}

	/**
	 * A migration script that waits at the gate of a database of this kind, then lets the
	 * lock go.
	 * @param kind the kind of database
	 * @return the script
	 */
	public static String migration(DatabaseKind kind) {
		String release = switch (kind) {
			case POSTGRESQL -> "SELECT pg_advisory_unlock(" + POSTGRESQL_LOCK + ")";
			case MARIADB -> "SELECT RELEASE_LOCK(" + MARIADB_LOCK + ")";
		};
		return waitingStatement(kind) + ";\n" + release + ";\n";
	}

	/**
	 * The statement a migration from {@link #migration(DatabaseKind)} waits in, as the
	 * server lists it ({@code pg_stat_activity.query} on PostgreSQL).
	 * @param kind the kind of database
	 * @return the statement, without its semicolon
	 */
	public static String waitingStatement(DatabaseKind kind) {
		return switch (kind) {
			case POSTGRESQL -> "SELECT pg_advisory_lock(" + POSTGRESQL_LOCK + ")";
			case MARIADB -> "SELECT GET_LOCK(" + MARIADB_LOCK + ", 600)";
		};
	}

	/**
	 * The server's id of the gate's session, for instance to spare it when the test ends
	 * the other sessions.
	 * @return the id ({@code pg_backend_pid()} or {@code CONNECTION_ID()})
	 * @throws SQLException if the server cannot be asked
	 */
	public long sessionId() throws SQLException {
		String query = switch (this.kind) {
			case POSTGRESQL -> "SELECT pg_backend_pid()";
			case MARIADB -> "SELECT CONNECTION_ID()";
		};
		try (Statement statement = this.connection.createStatement();
				ResultSet result = statement.executeQuery(query)) {
			result.next();
			return result.getLong(1);
		}
	}

	/**
	 * Open the gate: end its session, and with it the lock. Calling this more than once
	 * has no further effect.
	 * @throws SQLException if the connection cannot be closed
	 */
	@Override
	public void close() throws SQLException {
		this.connection.close();
	}

}
