package io.schemagate.internal.migrate;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.sql.SQLTransientException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;

import io.schemagate.migrate.MigrateExitCode;
import io.schemagate.migrate.MigrationLockTimeoutException;
import io.schemagate.migrate.MigrationStoppedException;

/**
 * The one table from a failed migrate run to its exit code, by exception type and SQL
 * state, never by message text: what may clear by itself exits
 * {@link MigrateExitCode#RETRYABLE 1}, everything else
 * {@link MigrateExitCode#NEEDS_ATTENTION 2}.
 * <p>
 * The causes are read from the innermost outwards, and the first one a rule matches
 * decides: a pool's "no connection available" that wraps a refused password is the
 * password's failure, and a Flyway migration failure that wraps a deadlock is the
 * deadlock's.
 */
public final class FailureClassifier {

	private static final List<Rule> RULES = List.of(
			new Rule("Flyway's lock or the migrate queue not taken within `db.migrate.lock-timeout`",
					MigrateExitCode.RETRYABLE, MigrationLockTimeoutException.class::isInstance),
			new Rule("asked to stop (SIGTERM): the running migration finished, no further one was applied",
					MigrateExitCode.RETRYABLE, MigrationStoppedException.class::isInstance),
			new Rule("the JVM ran out of memory", MigrateExitCode.RETRYABLE, OutOfMemoryError.class::isInstance),
			new Rule("SQL state class `28`: the user or password was refused", MigrateExitCode.NEEDS_ATTENTION,
					sqlStateClass("28")),
			new Rule("SQL state class `08`: the connection failed or was lost", MigrateExitCode.RETRYABLE,
					sqlStateClass("08")),
			new Rule("SQL state `57P01`, `57P02`, `57P03`: PostgreSQL shut down or is starting, as in a failover",
					MigrateExitCode.RETRYABLE, sqlState("57P01", "57P02", "57P03")),
			new Rule("SQL state `40001`, `40P01`: a serialization failure or deadlock", MigrateExitCode.RETRYABLE,
					sqlState("40001", "40P01")),
			new Rule("SQL state `55P03`, `HYT00`: a lock wait timed out (PostgreSQL, H2)", MigrateExitCode.RETRYABLE,
					sqlState("55P03", "HYT00")),
			new Rule("SQL state `53300`: too many connections (PostgreSQL)", MigrateExitCode.RETRYABLE,
					sqlState("53300")),
			new Rule(
					"MySQL and MariaDB errors `1205`, `1213`, `1927`, `2006`, `2013`: a lock wait timeout, a "
							+ "deadlock, the connection killed or the server gone",
					MigrateExitCode.RETRYABLE, errorCode(1205, 1213, 1927, 2006, 2013)),
			new Rule("a `SQLTransientException`: the JDBC driver says a retry may succeed", MigrateExitCode.RETRYABLE,
					SQLTransientException.class::isInstance),
			new Rule("Hikari's `SQLException` for a connection it had closed after the connection broke",
					MigrateExitCode.RETRYABLE, FailureClassifier::isClosedPooledConnection),
			new Rule(
					"a `ConnectException`, `NoRouteToHostException`, `UnknownHostException` or "
							+ "`SocketTimeoutException`: the database host could not be reached",
					MigrateExitCode.RETRYABLE,
					(failure) -> failure instanceof ConnectException || failure instanceof NoRouteToHostException
							|| failure instanceof UnknownHostException || failure instanceof SocketTimeoutException));

	/**
	 * What is left: a migration's SQL failed, validation failed, a setting is wrong, the
	 * application failed to start before Flyway ran.
	 */
	public static final String OTHERWISE = "anything else: a migration's SQL or validation failed, a setting is "
			+ "wrong, the application failed before Flyway ran";

	/**
	 * After a failure the rules call retryable, Flyway may have recorded the migration as
	 * failed (on databases without transactional DDL): a retry would stop there.
	 */
	public static final String RECORDED_FAILED = "any failure after which the history records a failed migration "
			+ "(MySQL and MariaDB, whose DDL is not transactional): a retry would stop there";

	private static final String HIKARI_CLOSED_CONNECTION = "com.zaxxer.hikari.pool.ProxyConnection$ClosedConnection";

	private FailureClassifier() {
	}

	/**
	 * The exit code of a failure.
	 * @param failure the failure
	 * @return the exit code
	 */
	public static MigrateExitCode classify(Throwable failure) {
		List<Throwable> causes = new ArrayList<>();
		for (Throwable cause = failure; cause != null && !causes.contains(cause); cause = cause.getCause()) {
			causes.add(cause);
		}
		for (int i = causes.size() - 1; i >= 0; i--) {
			Rule rule = ruleFor(causes.get(i));
			if (rule != null) {
				return rule.exitCode();
			}
		}
		return MigrateExitCode.NEEDS_ATTENTION;
	}

	private static @Nullable Rule ruleFor(Throwable cause) {
		for (Rule rule : RULES) {
			if (rule.matches().test(cause)) {
				return rule;
			}
		}
		return null;
	}

	/**
	 * The rules, in the order they are tried on each cause, for the documentation.
	 * @return the rules
	 */
	public static List<Rule> rules() {
		return RULES;
	}

	/**
	 * Hikari's proxy of a connection it closed throws a plain {@code SQLException}
	 * without a state: told by where it comes from.
	 */
	private static boolean isClosedPooledConnection(Throwable failure) {
		StackTraceElement[] trace = failure.getStackTrace();
		return failure.getClass() == SQLException.class && ((SQLException) failure).getSQLState() == null
				&& trace.length > 0 && trace[0].getClassName().equals(HIKARI_CLOSED_CONNECTION);
	}

	private static Predicate<Throwable> sqlStateClass(String stateClass) {
		return (failure) -> failure instanceof SQLException sql && sql.getSQLState() != null
				&& sql.getSQLState().startsWith(stateClass);
	}

	private static Predicate<Throwable> sqlState(String... states) {
		Set<String> set = Set.of(states);
		return (failure) -> failure instanceof SQLException sql && sql.getSQLState() != null
				&& set.contains(sql.getSQLState());
	}

	private static Predicate<Throwable> errorCode(Integer... codes) {
		Set<Integer> set = Set.of(codes);
		return (failure) -> failure instanceof SQLException sql && set.contains(sql.getErrorCode());
	}

	/**
	 * A row of the table.
	 *
	 * @param failure the failure, as the documentation names it
	 * @param exitCode its exit code
	 * @param matches whether a cause is this failure
	 */
	public record Rule(String failure, MigrateExitCode exitCode, Predicate<Throwable> matches) {

	}

}
