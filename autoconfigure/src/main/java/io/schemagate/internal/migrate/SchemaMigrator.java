package io.schemagate.internal.migrate;

import java.sql.SQLException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.api.output.MigrateResult;
import org.jspecify.annotations.Nullable;

import io.schemagate.SchemagateException;
import io.schemagate.internal.Messages;
import io.schemagate.internal.lock.MigrationLocks;
import io.schemagate.internal.migrate.lint.LintWarning;
import io.schemagate.migrate.LintFailedException;
import io.schemagate.migrate.LintMode;
import io.schemagate.migrate.MigrateExitCode;
import io.schemagate.migrate.MigrationOutcome;

/**
 * Migrate mode: runs Flyway's migrate once and says how it ended, with an exit code that
 * tells a retry from a failure a person must look at.
 */
public class SchemaMigrator {

	private static final Log logger = LogFactory.getLog(SchemaMigrator.class);

	/** Five minutes, as {@code db.migrate.lock-timeout}'s default. */
	private static final Duration DEFAULT_LOCK_TIMEOUT = Duration.ofMinutes(5);

	private final LintMode lint;

	private final Duration lockTimeout;

	/**
	 * Create a migrator that warns of destructive statements in pending migrations and
	 * waits five minutes at most for its turn.
	 */
	public SchemaMigrator() {
		this(LintMode.WARN, DEFAULT_LOCK_TIMEOUT);
	}

	/**
	 * Create a migrator.
	 * @param lint what to do with destructive statements in pending migrations
	 * @param lockTimeout how long to wait for Flyway's lock, and for other migrate jobs
	 */
	public SchemaMigrator(LintMode lint, Duration lockTimeout) {
		this.lint = lint;
		this.lockTimeout = lockTimeout;
	}

	/**
	 * Migrate the database Flyway is configured for, to the end. Never throws.
	 * @param flyway the configured Flyway
	 * @return the outcome
	 */
	public MigrationOutcome migrate(Flyway flyway) {
		return migrate(flyway, new StopSignal());
	}

	/**
	 * Migrate the database Flyway is configured for. Never throws.
	 * @param flyway the configured Flyway
	 * @param stop asks the run to stop before the next migration
	 * @return the outcome
	 */
	public MigrationOutcome migrate(Flyway flyway, StopSignal stop) {
		long started = System.nanoTime();
		try {
			MigrateResult result;
			try (MigrationLocks.Turn turn = MigrationQueue.join(flyway.getConfiguration(), this.lockTimeout, stop)) {
				stop.check();
				Flyway job = forJob(flyway, stop, this.lockTimeout.minusNanos(System.nanoTime() - started));
				BreakingChanges changes = BreakingChanges.of(job.getConfiguration(), this.lint != LintMode.OFF);
				lint(changes, job);
				stop.check();
				logger.info("Running pending migrations");
				result = migrateAndRecord(job, changes);
			}
			// Flyway leaves the target version unset when nothing was pending
			String version = (result.migrationsExecuted > 0) ? result.targetSchemaVersion : result.initialSchemaVersion;
			MigrationOutcome outcome = new MigrationOutcome(MigrateExitCode.SUCCESS, result.migrationsExecuted,
					result.initialSchemaVersion, version, since(started), null);
			logger.info("Migration successful: applied " + outcome.applied() + " migration(s), schema version "
					+ orEmpty(outcome.initialVersion()) + " -> " + orEmpty(outcome.version()) + " in "
					+ outcome.duration().toMillis() + " ms");
			return outcome;
		}
		catch (RuntimeException | SQLException ex) {
			MigrateExitCode exitCode = FailureClassifier.classify(ex);
			if (exitCode == MigrateExitCode.RETRYABLE && recordedFailed(flyway)) {
				logger.error("The schema history records a failed migration, so a retry would stop there");
				exitCode = MigrateExitCode.NEEDS_ATTENTION;
			}
			String reason = (ex instanceof SchemagateException schemagate) ? schemagate.getMessage()
					: Messages.describe(ex);
			logger.error("Migration failed (exit code " + exitCode.code() + "): " + reason);
			return new MigrationOutcome(exitCode, 0, null, null, since(started), ex);
		}
	}

	/**
	 * The job's own Flyway: the application's, with the stop signal among its callbacks
	 * and its lock retries, one a second, within what is left of the lock timeout.
	 */
	private static Flyway forJob(Flyway flyway, StopSignal stop, Duration remaining) {
		Configuration configuration = flyway.getConfiguration();
		Callback[] callbacks = Arrays.copyOf(configuration.getCallbacks(), configuration.getCallbacks().length + 1);
		callbacks[callbacks.length - 1] = stop;
		return Flyway.configure(configuration.getClassLoader())
			.configuration(configuration)
			.callbacks(callbacks)
			.lockRetryCount((int) Math.max(1, remaining.toSeconds()))
			.load();
	}

	/**
	 * Whether the history records a failed migration the application knows: Flyway's
	 * migrate stops at one, so that a retry cannot help.
	 */
	private static boolean recordedFailed(Flyway flyway) {
		try {
			return Arrays.stream(flyway.info().all())
				.anyMatch((info) -> info.getState().isFailed() && info.getState() != MigrationState.FUTURE_FAILED);
		}
		catch (RuntimeException ex) {
			// the database is still out of reach: the failure stays retryable
			return false;
		}
	}

	private void lint(BreakingChanges changes, Flyway flyway) {
		if (this.lint == LintMode.OFF) {
			return;
		}
		List<LintWarning> warnings = changes.lintPending(flyway);
		warnings.forEach((warning) -> logger.warn("Migration breaks the version still running: " + warning.message()));
		if (!warnings.isEmpty() && this.lint == LintMode.FAIL) {
			throw new LintFailedException(warnings.stream().map(LintWarning::message).toList());
		}
	}

	/**
	 * Migrate, then record the breaking declarations of what is applied, also when the
	 * run failed half way: what did apply must be found by older versions.
	 */
	private static MigrateResult migrateAndRecord(Flyway flyway, BreakingChanges changes) throws SQLException {
		MigrateResult result;
		try {
			result = flyway.migrate();
		}
		catch (RuntimeException ex) {
			try {
				changes.recordApplied();
			}
			catch (SQLException | RuntimeException notRecorded) {
				ex.addSuppressed(notRecorded);
			}
			throw ex;
		}
		changes.recordApplied();
		return result;
	}

	private static String orEmpty(@Nullable String version) {
		return (version != null) ? version : "<empty>";
	}

	private static Duration since(long started) {
		return Duration.ofNanos(System.nanoTime() - started);
	}

}
