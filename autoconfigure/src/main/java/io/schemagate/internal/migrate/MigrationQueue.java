package io.schemagate.internal.migrate;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfigMXBean;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.flywaydb.core.api.configuration.Configuration;
import org.jspecify.annotations.Nullable;

import org.springframework.util.ClassUtils;

import io.schemagate.internal.history.SchemaHistoryReader;

/**
 * Lets migrate jobs on one PostgreSQL database take turns without waiting on Flyway's
 * lock retries. Flyway tries its advisory lock and sleeps a whole second between tries,
 * so a job that waits for another notices up to a second late that the lock is free. Jobs
 * queue here first, on an advisory lock of Schemagate's own taken with
 * {@code pg_advisory_lock}, which wakes the next job as soon as the previous one ends;
 * the job whose turn it is then finds Flyway's lock free. The wait is bounded as Flyway's
 * is: one second per {@code spring.flyway.lock-retry-count}.
 * <p>
 * A turn holds one connection while Flyway migrates with its own two, so a Hikari pool of
 * fewer than three connections goes without the queue rather than starve Flyway. Other
 * databases need no queue: Flyway's MySQL and MariaDB lock, {@code GET_LOCK}, already
 * waits without polling. There, and without the queue, a turn only checks that a
 * connection opens, so that an unreachable database is told apart from a migration that
 * fails.
 */
final class MigrationQueue {

	private static final Log logger = LogFactory.getLog(MigrationQueue.class);

	/** A turn's connection and the two Flyway's migrate takes. */
	private static final int CONNECTIONS_NEEDED = 3;

	private static final boolean HIKARI_PRESENT = ClassUtils.isPresent("com.zaxxer.hikari.HikariConfigMXBean",
			MigrationQueue.class.getClassLoader());

	private static final String KEY = "hashtext('schemagate migrate ' || coalesce(?, current_schema()) || '.' || ?)";

	private MigrationQueue() {
	}

	/**
	 * Wait for this job's turn to migrate.
	 * @param configuration the Flyway configuration of the job
	 * @return the turn, to close once Flyway's migrate has returned
	 * @throws SQLException when the database cannot be reached, or the wait timed out
	 */
	static Turn join(Configuration configuration) throws SQLException {
		DataSource dataSource = configuration.getDataSource();
		Connection connection = dataSource.getConnection();
		try {
			if (!"PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())
					|| poolSize(dataSource) < CONNECTIONS_NEEDED) {
				connection.close();
				return () -> {
				};
			}
			String schema = SchemaHistoryReader.historySchema(configuration);
			PostgresTurn turn = new PostgresTurn(connection, schema, configuration.getTable());
			turn.take(configuration.getLockRetryCount());
			return turn;
		}
		catch (SQLException | RuntimeException ex) {
			connection.close();
			throw ex;
		}
	}

	private static int poolSize(DataSource dataSource) throws SQLException {
		return (HIKARI_PRESENT) ? Hikari.maximumPoolSize(dataSource) : Integer.MAX_VALUE;
	}

	/**
	 * A job's turn: closing it lets the next job go.
	 */
	interface Turn extends AutoCloseable {

		@Override
		void close();

	}

	private static final class PostgresTurn implements Turn {

		private final Connection connection;

		private final @Nullable String schema;

		private final String table;

		PostgresTurn(Connection connection, @Nullable String schema, String table) {
			this.connection = connection;
			this.schema = schema;
			this.table = table;
		}

		void take(int lockRetryCount) throws SQLException {
			if (call("pg_try_advisory_lock")) {
				return;
			}
			logger.info("Waiting for another migrate job on this database to finish");
			this.connection.setAutoCommit(false);
			try {
				if (lockRetryCount >= 0) {
					try (Statement statement = this.connection.createStatement()) {
						statement.execute("SET LOCAL lock_timeout = " + Math.max(1, lockRetryCount) * 1000L);
					}
				}
				call("pg_advisory_lock");
				// the lock is the session's: it outlives this transaction
				this.connection.commit();
			}
			catch (SQLException ex) {
				this.connection.rollback();
				throw ex;
			}
			finally {
				this.connection.setAutoCommit(true);
			}
		}

		@Override
		public void close() {
			try {
				call("pg_advisory_unlock");
				this.connection.close();
			}
			catch (SQLException ex) {
				// a pooled connection must not keep the lock: end its session
				try {
					this.connection.abort(Runnable::run);
				}
				catch (SQLException notEvenThat) {
					logger.warn("Could not release the migrate queue's lock; it ends with the session", notEvenThat);
				}
			}
		}

		private boolean call(String function) throws SQLException {
			try (PreparedStatement statement = this.connection
				.prepareStatement("SELECT " + function + "(" + KEY + ")")) {
				statement.setString(1, this.schema);
				statement.setString(2, this.table);
				try (ResultSet result = statement.executeQuery()) {
					// pg_advisory_lock returns void: it answers by returning at all
					return result.next() && ("pg_advisory_lock".equals(function) || result.getBoolean(1));
				}
			}
		}

	}

	private static final class Hikari {

		static int maximumPoolSize(DataSource dataSource) throws SQLException {
			return dataSource.isWrapperFor(HikariConfigMXBean.class)
					? dataSource.unwrap(HikariConfigMXBean.class).getMaximumPoolSize() : Integer.MAX_VALUE;
		}

	}

}
