package io.schemagate.verify;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.flywaydb.core.api.Location;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.configuration.Configuration;
import org.jspecify.annotations.Nullable;

/**
 * Checks whether a database's schema holds every migration the application knows. The
 * local migrations are resolved once; each {@link #check()} then borrows one connection
 * and sends one query, so checks can be repeated cheaply and from any thread.
 */
public class SchemaVerifier {

	private static final Executor CONNECT_THREAD = (task) -> {
		Thread thread = new Thread(task, "schemagate-connect");
		thread.setDaemon(true);
		thread.start();
	};

	/**
	 * Runs a driver's network timeout work where the driver asks: PostgreSQL, MariaDB and
	 * H2 do it at once.
	 */
	private static final Executor IN_PLACE = Runnable::run;

	private final DataSource dataSource;

	private final SchemaHistoryReader reader;

	private final SchemaStateCalculator calculator;

	private final Duration connectTimeout;

	private final Clock clock;

	private final String locations;

	/**
	 * Create a verifier.
	 * @param dataSource where to read the schema history
	 * @param reader how to read it
	 * @param calculator what the application knows
	 * @param connectTimeout how long to wait for a connection
	 * @param clock the clock for check times
	 * @param locations where the local migrations were found, for messages
	 */
	public SchemaVerifier(DataSource dataSource, SchemaHistoryReader reader, SchemaStateCalculator calculator,
			Duration connectTimeout, Clock clock, String locations) {
		this.dataSource = dataSource;
		this.reader = reader;
		this.calculator = calculator;
		this.connectTimeout = connectTimeout;
		this.clock = clock;
		this.locations = locations;
	}

	/**
	 * Create a verifier that follows a Flyway configuration: its data source, locations,
	 * history table, ignore patterns and target.
	 * @param configuration the Flyway configuration
	 * @param connectTimeout how long to wait for a connection
	 * @return the verifier, with the local migrations already resolved
	 */
	public static SchemaVerifier of(Configuration configuration, Duration connectTimeout) {
		List<LocalMigration> local = new LocalMigrationScanner(configuration).scan();
		MigrationVersion target = configuration.getTarget();
		boolean latest = target == null || target == MigrationVersion.LATEST || target == MigrationVersion.NEXT
				|| target == MigrationVersion.CURRENT;
		SchemaStateCalculator calculator = new SchemaStateCalculator(local, configuration.getIgnoreMigrationPatterns(),
				latest ? null : target);
		String schema = SchemaHistoryReader.historySchema(configuration);
		SchemaHistoryReader reader = new SchemaHistoryReader(schema, configuration.getTable());
		String locations = Arrays.stream(configuration.getLocations())
			.map(Location::getDescriptor)
			.collect(Collectors.joining(", ", "[", "]"));
		return new SchemaVerifier(configuration.getDataSource(), reader, calculator, connectTimeout, Clock.systemUTC(),
				locations);
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
		Instant start = this.clock.instant();
		long started = System.nanoTime();
		SchemaStatus status;
		try (Connection connection = connect()) {
			List<AppliedMigration> history = readBounded(connection);
			status = (history != null) ? this.calculator.calculate(history) : this.calculator.withoutHistory();
		}
		catch (TimeoutException ex) {
			status = unreachable("no connection within " + this.connectTimeout.toMillis() + "ms");
		}
		catch (SQLException ex) {
			status = unreachable("cannot read '" + this.reader.tableName() + "': " + Messages.describe(ex));
		}
		catch (ConnectionFailure ex) {
			status = unreachable("cannot connect to the database: " + Messages.describe(ex.getCause()));
		}
		return status.at(start, Duration.ofNanos(System.nanoTime() - started));
	}

	private SchemaStatus unreachable(String error) {
		return SchemaStatus.unreachable(error, this.calculator.expectedVersion(), this.calculator.knownCount(),
				Instant.EPOCH, Duration.ZERO);
	}

	private Connection connect() throws TimeoutException {
		CompletableFuture<Connection> connection = CompletableFuture.supplyAsync(this::openConnection, CONNECT_THREAD);
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
	 * Read the history with the connect timeout as the network timeout. A query timeout
	 * does not bound a check when the server stops answering: the driver sends its cancel
	 * request over a new connection, which cannot get through either, and the PostgreSQL
	 * driver then waits for that request as long as its own cancel timeout (10 s) before
	 * the query returns. A query timeout serves only drivers without network timeouts.
	 * The previous network timeout is put back, for pools that do not reset it.
	 */
	private @Nullable List<AppliedMigration> readBounded(Connection connection) throws SQLException {
		int previous = networkTimeout(connection);
		if (!setNetworkTimeout(connection, (int) Math.min(Integer.MAX_VALUE, this.connectTimeout.toMillis()))) {
			return this.reader.read(connection, timeoutSeconds());
		}
		try {
			return this.reader.read(connection, 0);
		}
		finally {
			restoreNetworkTimeout(connection, previous);
		}
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
