package io.schemagate.internal.migrate;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfigMXBean;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.flywaydb.core.api.configuration.Configuration;

import org.springframework.util.ClassUtils;

import io.schemagate.internal.history.SchemaHistoryReader;
import io.schemagate.internal.lock.LockHolder;
import io.schemagate.internal.lock.MigrationLocks;
import io.schemagate.migrate.MigrationLockTimeoutException;

/**
 * Lets migrate jobs on one database take turns, each waiting at most
 * {@code db.migrate.lock-timeout}: a job's turn is the queue's lock, held from before its
 * first migration to after its last, and Flyway's lock found free (see
 * {@link MigrationLocks}). Flyway alone polls its PostgreSQL lock once a second and waits
 * for its MySQL and MariaDB lock for ever.
 * <p>
 * A turn holds one connection while Flyway migrates with its own two, so a Hikari pool of
 * fewer than three connections goes without the queue, and without the bound, rather than
 * starve Flyway; the log says so. Other databases have no such locks: there a turn only
 * checks that a connection opens, so that an unreachable database is told apart from a
 * migration that fails.
 */
final class MigrationQueue {

	private static final Log logger = LogFactory.getLog(MigrationQueue.class);

	/** A turn's connection and the two Flyway's migrate takes. */
	private static final int CONNECTIONS_NEEDED = 3;

	private static final boolean HIKARI_PRESENT = ClassUtils.isPresent("com.zaxxer.hikari.HikariConfigMXBean",
			MigrationQueue.class.getClassLoader());

	private MigrationQueue() {
	}

	/**
	 * Wait for this job's turn to migrate.
	 * @param configuration the Flyway configuration of the job
	 * @param timeout how long to wait
	 * @param stop ends the wait when the job is asked to stop
	 * @return the turn, to close once Flyway's migrate has returned
	 * @throws MigrationLockTimeoutException when the wait timed out
	 * @throws SQLException when the database cannot be reached
	 */
	static MigrationLocks.Turn join(Configuration configuration, Duration timeout, StopSignal stop)
			throws SQLException {
		DataSource dataSource = configuration.getDataSource();
		Connection connection = dataSource.getConnection();
		try {
			MigrationLocks locks = MigrationLocks.of(connection, SchemaHistoryReader.historySchema(configuration),
					configuration.getTable());
			if (locks == null) {
				connection.close();
				return () -> {
				};
			}
			int poolSize = poolSize(dataSource);
			if (poolSize < CONNECTIONS_NEEDED) {
				logger.info("Migrate jobs do not queue here, and 'db.migrate.lock-timeout' does not bound the wait "
						+ "for Flyway's lock: the connection pool holds " + poolSize + " connection(s), and a turn "
						+ "needs one beside Flyway's two");
				connection.close();
				return () -> {
				};
			}
			stop.waitingOn(connection);
			try {
				return locks.takeTurn(connection, timeout, (holders) -> logger.info("Waiting up to "
						+ timeout.toMillis() + "ms for another migrate job on " + locks.table() + describe(holders)));
			}
			finally {
				stop.waitingOn(null);
			}
		}
		catch (SQLException | RuntimeException ex) {
			closeQuietly(connection);
			// a wait ended by a request to stop fails for that reason
			stop.check();
			throw ex;
		}
	}

	private static String describe(List<LockHolder> holders) {
		Instant now = Instant.now();
		return holders.isEmpty() ? "" : " (held by "
				+ holders.stream().map((holder) -> holder.describe(now)).collect(Collectors.joining(", ")) + ")";
	}

	private static void closeQuietly(Connection connection) {
		try {
			connection.close();
		}
		catch (SQLException ex) {
			logger.debug("Unable to close a connection", ex);
		}
	}

	private static int poolSize(DataSource dataSource) throws SQLException {
		return (HIKARI_PRESENT) ? Hikari.maximumPoolSize(dataSource) : Integer.MAX_VALUE;
	}

	private static final class Hikari {

		static int maximumPoolSize(DataSource dataSource) throws SQLException {
			return dataSource.isWrapperFor(HikariConfigMXBean.class)
					? dataSource.unwrap(HikariConfigMXBean.class).getMaximumPoolSize() : Integer.MAX_VALUE;
		}

	}

}
