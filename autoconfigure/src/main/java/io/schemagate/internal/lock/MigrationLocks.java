package io.schemagate.internal.lock;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import io.schemagate.internal.Messages;
import io.schemagate.migrate.MigrationLockTimeoutException;

/**
 * Flyway's lock on one history table, and the migrate queue beside it, on PostgreSQL,
 * MySQL or MariaDB: the same keys and names Flyway derives from the table's quoted name,
 * who holds them, and a migrate job's turn.
 * <p>
 * Flyway takes its lock once per migration and lets it go in between; a job's turn holds
 * the queue's lock from before its first migration to after its last, so that another job
 * waits for the whole run, is woken the moment it ends, and gives up after its timeout
 * instead of waiting as long as Flyway would (on MySQL and MariaDB, for ever). On
 * PostgreSQL the turn is a transaction-scoped lock: it ends with the transaction, also
 * behind a pooler in transaction mode, and never stays with a pooled connection.
 */
public final class MigrationLocks {

	private static final Log logger = LogFactory.getLog(MigrationLocks.class);

	/** Flyway's PostgreSQL lock number before the table's hash: "Flyway" in ASCII. */
	private static final long FLYWAY_KEY_BASE = (0x46L << 40) + (0x6CL << 32) + (0x79L << 24) + (0x77 << 16)
			+ (0x61 << 8) + 0x79;

	/** The queue's key before the table's hash: "Sg", apart from Flyway's "Fl". */
	private static final long QUEUE_KEY_BASE = (0x53L << 40) + (0x67L << 32);

	private static final String LOCK_TIMEOUT_STATE = "55P03";

	private final Dialect dialect;

	private final String table;

	private MigrationLocks(Dialect dialect, String table) {
		this.dialect = dialect;
		this.table = table;
	}

	/**
	 * The locks of a history table, on a database that has them.
	 * @param connection a connection to the database
	 * @param schema the schema that holds the history table, or {@code null} for the
	 * connection's current one, as Flyway chooses it
	 * @param table the history table
	 * @return the locks, or {@code null} on a database Flyway locks otherwise, or where
	 * there is no current schema
	 * @throws SQLException when the database cannot be asked for its current schema
	 */
	public static @Nullable MigrationLocks of(Connection connection, @Nullable String schema, String table)
			throws SQLException {
		Dialect dialect = Dialect.of(connection.getMetaData().getDatabaseProductName());
		if (dialect == null) {
			return null;
		}
		String schemaName = (schema != null) ? schema : dialect.currentSchema(connection);
		return (schemaName != null) ? new MigrationLocks(dialect, dialect.quote(schemaName, table)) : null;
	}

	/**
	 * The history table's name as Flyway quotes it, from which it derives its lock.
	 * @return the quoted name
	 */
	public String table() {
		return this.table;
	}

	/**
	 * The number of Flyway's PostgreSQL advisory lock.
	 * @return the key
	 */
	long flywayKey() {
		return FLYWAY_KEY_BASE + this.table.hashCode();
	}

	/**
	 * The number of the queue's PostgreSQL advisory lock.
	 * @return the key
	 */
	long queueKey() {
		return QUEUE_KEY_BASE + (this.table.hashCode() & 0xFFFFFFFFL);
	}

	/**
	 * The name of Flyway's MySQL and MariaDB lock.
	 * @return the name
	 */
	String flywayName() {
		return "Flyway-" + this.table.hashCode();
	}

	/**
	 * The name of the queue's MySQL and MariaDB lock.
	 * @return the name
	 */
	String queueName() {
		return "schemagate-" + this.table.hashCode();
	}

	/**
	 * The sessions that hold Flyway's lock or the queue's right now, in one statement.
	 * @param connection a connection to the database
	 * @return the holders, the longest-holding first where the database tells
	 * @throws SQLException when the database cannot be asked
	 */
	public List<LockHolder> holders(Connection connection) throws SQLException {
		return this.dialect.holders(connection, this);
	}

	/**
	 * Wait for a migrate job's turn: the queue's lock, then Flyway's lock free, both
	 * within the timeout. The connection is the turn's until the turn is closed.
	 * @param connection a connection of the job's own
	 * @param timeout how long to wait in all
	 * @param waiting told once, with the holders, when the job has to wait
	 * @return the turn, to close once Flyway's migrate has returned
	 * @throws MigrationLockTimeoutException when a lock was held all along
	 * @throws SQLException when the database fails, or the wait was cut short
	 */
	public Turn takeTurn(Connection connection, Duration timeout, Consumer<List<LockHolder>> waiting)
			throws SQLException {
		long deadline = System.nanoTime() + timeout.toNanos();
		return this.dialect.takeTurn(connection, this, new Wait(deadline, timeout, waiting));
	}

	private MigrationLockTimeoutException timeout(Connection connection, boolean flyway, Duration timeout) {
		String lock = flyway ? "Flyway's lock on " + this.table
				: "the migrate queue on " + this.table + " (another migrate job's turn)";
		String holder = null;
		try {
			Instant now = Instant.now();
			holder = holders(connection).stream()
				.filter((candidate) -> candidate.flyway() == flyway)
				.findFirst()
				.map((found) -> found.describe(now))
				.orElse(null);
		}
		catch (SQLException ex) {
			logger.debug("Unable to tell who holds " + lock, ex);
		}
		return new MigrationLockTimeoutException(lock, timeout, holder);
	}

	/**
	 * A migrate job's turn: closing it lets the next job go.
	 */
	public interface Turn extends AutoCloseable {

		@Override
		void close();

	}

	/**
	 * A bounded wait.
	 */
	private record Wait(long deadline, Duration timeout, Consumer<List<LockHolder>> waiting) {

		/**
		 * Milliseconds left, at least one: a zero timeout means none on both databases.
		 */
		long remainingMillis() {
			return Math.max(1, Duration.ofNanos(this.deadline - System.nanoTime()).toMillis());
		}

	}

	private enum Dialect {

		POSTGRESQL {

			@Override
			@Nullable String currentSchema(Connection connection) throws SQLException {
				return queryString(connection, "SELECT current_schema()");
			}

			@Override
			String quote(String schema, String table) {
				return "\"" + schema.replace("\"", "\"\"") + "\".\"" + table.replace("\"", "\"\"") + "\"";
			}

			@Override
			List<LockHolder> holders(Connection connection, MigrationLocks locks) throws SQLException {
				String sql = "SELECT l.pid, a.usename, coalesce(nullif(a.application_name, ''), host(a.client_addr)), "
						+ "coalesce(a.xact_start, a.query_start, a.backend_start), "
						+ "((l.classid::bigint << 32) | l.objid::bigint) = ? "
						+ "FROM pg_catalog.pg_locks l LEFT JOIN pg_catalog.pg_stat_activity a ON a.pid = l.pid "
						+ "WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 1 "
						+ "AND l.database = (SELECT oid FROM pg_catalog.pg_database WHERE datname = current_database()) "
						+ "AND ((l.classid::bigint << 32) | l.objid::bigint) IN (?, ?) ORDER BY 4 NULLS LAST";
				try (PreparedStatement statement = connection.prepareStatement(sql)) {
					statement.setLong(1, locks.flywayKey());
					statement.setLong(2, locks.flywayKey());
					statement.setLong(3, locks.queueKey());
					List<LockHolder> holders = new ArrayList<>();
					try (ResultSet result = statement.executeQuery()) {
						while (result.next()) {
							Timestamp since = result.getTimestamp(4);
							holders.add(new LockHolder(Integer.toString(result.getInt(1)), result.getString(2),
									result.getString(3), (since != null) ? since.toInstant() : null,
									result.getBoolean(5)));
						}
					}
					return holders;
				}
			}

			@Override
			Turn takeTurn(Connection connection, MigrationLocks locks, Wait wait) throws SQLException {
				boolean autoCommit = connection.getAutoCommit();
				connection.setAutoCommit(false);
				try {
					if (!advisory(connection, "pg_try_advisory_xact_lock", locks.queueKey())) {
						wait.waiting().accept(locks.holders(connection));
						if (!waitFor(connection, locks.queueKey(), "pg_advisory_xact_lock", wait)) {
							throw locks.timeout(connection, false, wait.timeout());
						}
					}
					// Flyway's lock free: taken and let go at once, in this transaction
					// so that a pooler keeps both on one server session
					if (!waitFor(connection, locks.flywayKey(), "pg_advisory_lock", wait)) {
						throw locks.timeout(connection, true, wait.timeout());
					}
					advisory(connection, "pg_advisory_unlock", locks.flywayKey());
					return () -> end(connection, autoCommit);
				}
				catch (SQLException | RuntimeException ex) {
					end(connection, autoCommit);
					throw ex;
				}
			}

			/**
			 * Wait for a lock until the deadline; on a timeout the transaction is rolled
			 * back, so that the holders can be read on the same connection.
			 */
			private boolean waitFor(Connection connection, long key, String function, Wait wait) throws SQLException {
				try (PreparedStatement statement = connection
					.prepareStatement("SELECT set_config('lock_timeout', ?, true)")) {
					statement.setString(1, wait.remainingMillis() + "ms");
					statement.execute();
				}
				try {
					advisory(connection, function, key);
					return true;
				}
				catch (SQLException ex) {
					if (!LOCK_TIMEOUT_STATE.equals(ex.getSQLState())) {
						throw ex;
					}
					connection.rollback();
					connection.setAutoCommit(true);
					return false;
				}
			}

			private boolean advisory(Connection connection, String function, long key) throws SQLException {
				try (PreparedStatement statement = connection.prepareStatement("SELECT " + function + "(?)")) {
					statement.setLong(1, key);
					try (ResultSet result = statement.executeQuery()) {
						// the functions that wait return void: they answer by returning
						return result.next() && (function.contains("try") ? result.getBoolean(1) : true);
					}
				}
			}

			/**
			 * End the turn's transaction, which lets its lock go, and the connection; a
			 * connection whose transaction cannot be ended is aborted, never returned to
			 * a pool.
			 */
			private void end(Connection connection, boolean autoCommit) {
				try {
					if (!connection.getAutoCommit()) {
						connection.rollback();
					}
					connection.setAutoCommit(autoCommit);
					connection.close();
				}
				catch (SQLException ex) {
					abort(connection, ex);
				}
			}

		},

		MYSQL {

			@Override
			@Nullable String currentSchema(Connection connection) throws SQLException {
				return queryString(connection, "SELECT DATABASE()");
			}

			@Override
			String quote(String schema, String table) {
				// Flyway does not escape backticks here
				return "`" + schema + "`.`" + table + "`";
			}

			@Override
			List<LockHolder> holders(Connection connection, MigrationLocks locks) throws SQLException {
				String sql = "SELECT l.id, p.USER, p.HOST, p.TIME, l.flyway FROM (SELECT IS_USED_LOCK(?) AS id, 1 AS "
						+ "flyway UNION ALL SELECT IS_USED_LOCK(?), 0) l LEFT JOIN information_schema.PROCESSLIST p "
						+ "ON p.ID = l.id WHERE l.id IS NOT NULL ORDER BY p.TIME DESC";
				try (PreparedStatement statement = connection.prepareStatement(sql)) {
					statement.setString(1, locks.flywayName());
					statement.setString(2, locks.queueName());
					List<LockHolder> holders = new ArrayList<>();
					Instant now = Instant.now();
					try (ResultSet result = statement.executeQuery()) {
						while (result.next()) {
							long seconds = result.getLong(4);
							Instant since = result.wasNull() ? null : now.minusSeconds(seconds);
							holders.add(new LockHolder(Long.toString(result.getLong(1)), result.getString(2),
									result.getString(3), since, result.getInt(5) == 1));
						}
					}
					return holders;
				}
			}

			@Override
			Turn takeTurn(Connection connection, MigrationLocks locks, Wait wait) throws SQLException {
				try {
					if (!getLock(connection, locks.queueName(), 0)) {
						wait.waiting().accept(locks.holders(connection));
						if (!getLock(connection, locks.queueName(), wait.remainingMillis())) {
							MigrationLockTimeoutException timeout = locks.timeout(connection, false, wait.timeout());
							connection.close();
							throw timeout;
						}
					}
					if (!getLock(connection, locks.flywayName(), wait.remainingMillis())) {
						MigrationLockTimeoutException timeout = locks.timeout(connection, true, wait.timeout());
						releaseLock(connection, locks.queueName());
						connection.close();
						throw timeout;
					}
					releaseLock(connection, locks.flywayName());
				}
				catch (SQLException ex) {
					abort(connection, ex);
					throw ex;
				}
				return () -> {
					try {
						releaseLock(connection, locks.queueName());
						connection.close();
					}
					catch (SQLException ex) {
						abort(connection, ex);
					}
				};
			}

			private boolean getLock(Connection connection, String name, long timeoutMillis) throws SQLException {
				try (PreparedStatement statement = connection.prepareStatement("SELECT GET_LOCK(?, ?)")) {
					statement.setString(1, name);
					statement.setDouble(2, timeoutMillis / 1000.0);
					try (ResultSet result = statement.executeQuery()) {
						result.next();
						int taken = result.getInt(1);
						if (result.wasNull()) {
							throw new SQLException("GET_LOCK('" + name + "') failed");
						}
						return taken == 1;
					}
				}
			}

			private void releaseLock(Connection connection, String name) throws SQLException {
				try (PreparedStatement statement = connection.prepareStatement("SELECT RELEASE_LOCK(?)")) {
					statement.setString(1, name);
					statement.executeQuery().close();
				}
			}

		};

		static @Nullable Dialect of(String product) {
			if ("PostgreSQL".equals(product)) {
				return POSTGRESQL;
			}
			return ("MySQL".equals(product) || "MariaDB".equals(product)) ? MYSQL : null;
		}

		abstract @Nullable String currentSchema(Connection connection) throws SQLException;

		abstract String quote(String schema, String table);

		abstract List<LockHolder> holders(Connection connection, MigrationLocks locks) throws SQLException;

		abstract Turn takeTurn(Connection connection, MigrationLocks locks, Wait wait) throws SQLException;

		static @Nullable String queryString(Connection connection, String sql) throws SQLException {
			try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
				return result.next() ? result.getString(1) : null;
			}
		}

		/**
		 * End a connection that may still hold a lock: its session ends, and with it the
		 * lock, instead of going back to a pool.
		 */
		static void abort(Connection connection, Exception cause) {
			try {
				connection.abort(Runnable::run);
			}
			catch (SQLException | RuntimeException ex) {
				logger.warn("Could not end the session of the migrate queue's lock (" + Messages.describe(cause)
						+ "); it ends when the " + "connection does");
			}
			try {
				// a pool sees the connection broken and drops it
				connection.close();
			}
			catch (SQLException | RuntimeException ex) {
				logger.debug("Closed an aborted connection", ex);
			}
		}

	}

}
