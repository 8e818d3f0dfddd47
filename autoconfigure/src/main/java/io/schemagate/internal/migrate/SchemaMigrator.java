package io.schemagate.internal.migrate;

import java.sql.SQLException;
import java.time.Duration;
import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.jspecify.annotations.Nullable;

import io.schemagate.internal.Messages;
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

	private final LintMode lint;

	/**
	 * Create a migrator that warns of destructive statements in pending migrations.
	 */
	public SchemaMigrator() {
		this(LintMode.WARN);
	}

	/**
	 * Create a migrator.
	 * @param lint what to do with destructive statements in pending migrations
	 */
	public SchemaMigrator(LintMode lint) {
		this.lint = lint;
	}

	/**
	 * Migrate the database Flyway is configured for. Never throws.
	 * @param flyway the configured Flyway
	 * @return the outcome
	 */
	public MigrationOutcome migrate(Flyway flyway) {
		long started = System.nanoTime();
		try {
			MigrateResult result;
			try (MigrationQueue.Turn turn = MigrationQueue.join(flyway.getConfiguration())) {
				BreakingChanges changes = BreakingChanges.of(flyway.getConfiguration());
				lint(changes, flyway);
				logger.info("Running pending migrations");
				result = migrateAndRecord(flyway, changes);
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
			MigrateExitCode exitCode = (ex instanceof SQLException) ? MigrateExitCode.RETRYABLE
					: FailureClassifier.classify(ex);
			logger.error("Migration failed (exit code " + exitCode.code() + "): " + Messages.describe(ex));
			return new MigrationOutcome(exitCode, 0, null, null, since(started), ex);
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
