package io.schemagate.internal.check;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;

import org.flywaydb.core.api.configuration.Configuration;
import org.jspecify.annotations.Nullable;

import io.schemagate.internal.FlywaySettings;
import io.schemagate.internal.Messages;
import io.schemagate.internal.compare.SchemaFindings;
import io.schemagate.internal.compare.SchemaStateCalculator;
import io.schemagate.internal.history.AppliedMigration;
import io.schemagate.internal.history.CompatibilityTable;
import io.schemagate.internal.history.SchemaHistoryReader;
import io.schemagate.internal.local.LocalMigration;
import io.schemagate.internal.local.SharedScans;
import io.schemagate.verify.SchemaState;
import io.schemagate.verify.SchemaStatus;

/**
 * Checks whether a database's schema holds every migration the application knows. The
 * local migrations are resolved once; each {@link #check()} then borrows one connection
 * and sends one query, so checks can be repeated cheaply and from any thread.
 */
public class SchemaVerifier {

	/**
	 * A thread of its own for each connection attempt, so that a check can give up on one
	 * that hangs.
	 */
	static final Executor CONNECT_THREAD = (task) -> connectThread(task).start();

	/**
	 * Runs a driver's network timeout work where the driver asks: PostgreSQL, MariaDB and
	 * H2 do it at once.
	 */
	private static final Executor IN_PLACE = Runnable::run;

	private final DataSource dataSource;

	private final SchemaHistoryReader reader;

	private final CompatibilityTable compatibility;

	private final SchemaStateCalculator calculator;

	private final Duration connectTimeout;

	private final boolean allowNewerSchema;

	private final Clock clock;

	private final String locations;

	private final MigrationProbe migrations;

	/**
	 * Create a verifier.
	 * @param dataSource where to read the schema history
	 * @param reader how to read it
	 * @param calculator what the application knows
	 * @param connectTimeout how long to wait for a connection
	 * @param allowNewerSchema whether a database a newer version moved on counts as ready
	 * @param clock the clock for check times
	 * @param locations where the local migrations were found, for messages
	 */
	public SchemaVerifier(DataSource dataSource, SchemaHistoryReader reader, SchemaStateCalculator calculator,
			Duration connectTimeout, boolean allowNewerSchema, Clock clock, String locations) {
		this.dataSource = dataSource;
		this.reader = reader;
		this.compatibility = new CompatibilityTable(reader.schema());
		this.calculator = calculator;
		this.connectTimeout = connectTimeout;
		this.allowNewerSchema = allowNewerSchema;
		this.clock = clock;
		this.locations = locations;
		this.migrations = new MigrationProbe(reader.schema(), reader.table());
	}

	/**
	 * Create a verifier that follows a Flyway configuration, a database moved on by a
	 * newer version counting as ready.
	 * @param configuration the Flyway configuration
	 * @param connectTimeout how long to wait for a connection
	 * @return the verifier, with the local migrations already resolved
	 * @see #of(Configuration, Duration, boolean)
	 */
	public static SchemaVerifier of(Configuration configuration, Duration connectTimeout) {
		return of(configuration, connectTimeout, true);
	}

	/**
	 * Create a verifier that follows a Flyway configuration: its data source, locations,
	 * history table, ignore patterns and target.
	 * @param configuration the Flyway configuration
	 * @param connectTimeout how long to wait for a connection
	 * @param allowNewerSchema whether a database a newer version moved on counts as ready
	 * @return the verifier, with the local migrations already resolved
	 * @throws io.schemagate.verify.NotVerifiableException for a setting or script verify
	 * cannot judge as Flyway would
	 */
	public static SchemaVerifier of(Configuration configuration, Duration connectTimeout, boolean allowNewerSchema) {
		return of(configuration, connectTimeout, allowNewerSchema, null);
	}

	/**
	 * Create a verifier that follows a Flyway configuration, taking the local migrations
	 * from scans shared with targets alike.
	 * @param configuration the Flyway configuration
	 * @param connectTimeout how long to wait for a connection
	 * @param allowNewerSchema whether a database a newer version moved on counts as ready
	 * @param scans the scans to share, {@code null} to scan for this verifier alone
	 * @return the verifier, with the local migrations already resolved
	 * @throws io.schemagate.verify.NotVerifiableException for a setting or script verify
	 * cannot judge as Flyway would
	 */
	public static SchemaVerifier of(Configuration configuration, Duration connectTimeout, boolean allowNewerSchema,
			@Nullable SharedScans scans) {
		FlywaySettings.check(configuration);
		SharedScans.Scan scan = (scans != null) ? scans.scan(configuration) : SharedScans.Scan.of(configuration);
		List<LocalMigration> local = scan.migrations();
		FlywaySettings.check(configuration, scan.callbackScripts());
		SchemaStateCalculator calculator = SchemaStateCalculator.of(local, configuration);
		String schema = SchemaHistoryReader.historySchema(configuration);
		SchemaHistoryReader reader = new SchemaHistoryReader(schema, configuration.getTable(), scan.versions());
		String locations = "[" + String.join(", ", scan.locations()) + "]";
		return new SchemaVerifier(configuration.getDataSource(), reader, calculator, connectTimeout, allowNewerSchema,
				Clock.systemUTC(), locations);
	}

	/**
	 * How many migrations the application knows.
	 * @return the count
	 */
	public int knownCount() {
		return this.calculator.knownCount();
	}

	/**
	 * Where the local migrations were looked for.
	 * @return the locations, for messages
	 */
	public String locations() {
		return this.locations;
	}

	/**
	 * Check the database now. Never throws: a database that cannot be read is
	 * {@link SchemaState#UNREACHABLE}.
	 * @return the status
	 */
	public SchemaStatus check() {
		return check(CONNECT_THREAD);
	}

	/**
	 * Check the database now, connecting on one of the given threads. Never throws.
	 * @param connectThreads runs the connection attempt, on another thread than the
	 * caller's, so that the check can give up on one that hangs
	 * @return the status
	 */
	SchemaStatus check(Executor connectThreads) {
		Instant start = this.clock.instant();
		long started = System.nanoTime();
		try (Connection connection = connect(connectThreads)) {
			SchemaFindings findings = bounded(connection,
					(timeoutSeconds) -> compare(connection, timeoutSeconds, start));
			return findings.toStatus(this.allowNewerSchema, start, since(started));
		}
		catch (TimeoutException ex) {
			return unreachable("no connection within " + this.connectTimeout.toMillis() + "ms", start, started);
		}
		catch (SQLException ex) {
			return unreachable("cannot read '" + this.reader.tableName() + "': " + Messages.describe(ex), start,
					started);
		}
		catch (ConnectionFailure ex) {
			return unreachable("cannot connect to the database: " + Messages.describe(ex.getCause()), start, started);
		}
	}

	/**
	 * Read the history and compare; when the database is ahead, read the declarations of
	 * the newer version's breaking migrations too, and when it is behind, whether a
	 * migrate job is at work.
	 */
	private SchemaFindings compare(Connection connection, int timeoutSeconds, Instant now) throws SQLException {
		List<AppliedMigration> history = this.reader.read(connection, timeoutSeconds);
		SchemaFindings findings = (history != null) ? this.calculator.calculate(history)
				: this.calculator.withoutHistory();
		if (findings.state() == SchemaState.AHEAD) {
			findings.declarations(this.compatibility.read(connection, timeoutSeconds), this.calculator.newestKnown());
		}
		else if (findings.state() == SchemaState.BEHIND) {
			findings.migrationRunningSince(this.migrations.runningSince(connection, now));
		}
		return findings;
	}

	private SchemaStatus unreachable(String error, Instant start, long started) {
		return SchemaStatus.unreachable(error, this.calculator.expectedVersion(), this.calculator.knownCount(), start,
				since(started));
	}

	private static Duration since(long started) {
		return Duration.ofNanos(System.nanoTime() - started);
	}

	/**
	 * A daemon thread that makes connections, named as every Schemagate thread that does.
	 * @param task what the thread runs
	 * @return the thread, not started
	 */
	public static Thread connectThread(Runnable task) {
		Thread thread = new Thread(task, "schemagate-connect");
		thread.setDaemon(true);
		return thread;
	}

	private Connection connect(Executor connectThreads) throws TimeoutException {
		CompletableFuture<Connection> connection = CompletableFuture.supplyAsync(this::openConnection, connectThreads);
		try {
			return connection.get(this.connectTimeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (TimeoutException ex) {
			// a connection that arrives late is closed rather than leaked
			connection.thenAccept(SchemaVerifier::closeQuietly);
			throw ex;
		}
		catch (ExecutionException ex) {
			throw new ConnectionFailure(
					(ex.getCause() instanceof CompletionException wrapped) ? wrapped.getCause() : ex.getCause());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new ConnectionFailure(ex);
		}
	}

	private Connection openConnection() {
		try {
			return this.dataSource.getConnection();
		}
		catch (SQLException ex) {
			throw new CompletionException(ex);
		}
	}

	/**
	 * Run the check's statements with the connect timeout as the network timeout. A query
	 * timeout does not bound a check when the server stops answering: the driver sends
	 * its cancel request over a new connection, which cannot get through either, and the
	 * PostgreSQL driver then waits for that request as long as its own cancel timeout (10
	 * s) before the query returns. A query timeout serves only drivers without network
	 * timeouts. The previous network timeout is put back, for pools that do not reset it.
	 */
	private <T> T bounded(Connection connection, Statements<T> statements) throws SQLException {
		int previous = networkTimeout(connection);
		if (!setNetworkTimeout(connection, (int) Math.min(Integer.MAX_VALUE, this.connectTimeout.toMillis()))) {
			return statements.run(timeoutSeconds());
		}
		try {
			return statements.run(0);
		}
		finally {
			restoreNetworkTimeout(connection, previous);
		}
	}

	@FunctionalInterface
	private interface Statements<T> {

		T run(int queryTimeoutSeconds) throws SQLException;

	}

	private static int networkTimeout(Connection connection) throws SQLException {
		try {
			return connection.getNetworkTimeout();
		}
		catch (SQLFeatureNotSupportedException ex) {
			return 0;
		}
	}

	private static void restoreNetworkTimeout(Connection connection, int milliseconds) {
		try {
			setNetworkTimeout(connection, milliseconds);
		}
		catch (SQLException ex) {
			// a read that timed out breaks the connection, and the pool discards it
		}
	}

	private static boolean setNetworkTimeout(Connection connection, int milliseconds) throws SQLException {
		try {
			connection.setNetworkTimeout(IN_PLACE, milliseconds);
			return true;
		}
		catch (SQLFeatureNotSupportedException ex) {
			return false;
		}
	}

	private int timeoutSeconds() {
		return (int) Math.max(1, this.connectTimeout.toSeconds());
	}

	private static void closeQuietly(Connection connection) {
		try {
			connection.close();
		}
		catch (SQLException ex) {
			// nothing more to do for a connection nobody waits for
		}
	}

	private static final class ConnectionFailure extends RuntimeException {

		ConnectionFailure(@Nullable Throwable cause) {
			super(cause);
		}

	}

}
