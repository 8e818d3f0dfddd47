package io.schemagate.internal.migrate;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.configuration.Configuration;
import org.jspecify.annotations.Nullable;

import io.schemagate.internal.Messages;
import io.schemagate.internal.history.AppliedMigration;
import io.schemagate.internal.history.CompatibilityTable;
import io.schemagate.internal.history.CompatibilityTable.RecordedDeclaration;
import io.schemagate.internal.history.SchemaHistoryReader;
import io.schemagate.internal.history.UnreadableHistoryException;
import io.schemagate.internal.local.LocalMigration;
import io.schemagate.internal.local.LocalMigrationScanner;
import io.schemagate.internal.local.LocalMigrationScanner.JobMigrations;
import io.schemagate.internal.local.VersionedScript;
import io.schemagate.internal.migrate.lint.BreakingDeclaration;
import io.schemagate.internal.migrate.lint.LintWarning;
import io.schemagate.internal.migrate.lint.MigrationLint;
import io.schemagate.internal.migrate.lint.SqlDialect;

/**
 * What the migration job reads in its versioned SQL scripts: before migrating, the
 * destructive statements of the pending ones ({@code db.migrate.lint}); after, the
 * {@code schemagate:breaks-before} declarations of the applied ones, recorded in
 * {@link CompatibilityTable} for older versions to find.
 */
final class BreakingChanges {

	private static final Log logger = LogFactory.getLog(BreakingChanges.class);

	private static final String DECLARATION_MARKER = "schemagate:breaks-before";

	private final Configuration configuration;

	private final JobMigrations migrations;

	private final @Nullable SqlDialect dialect;

	private final @Nullable List<AppliedMigration> history;

	private BreakingChanges(Configuration configuration, JobMigrations migrations, @Nullable SqlDialect dialect,
			@Nullable List<AppliedMigration> history) {
		this.configuration = configuration;
		this.migrations = migrations;
		this.dialect = dialect;
		this.history = history;
	}

	/**
	 * Find the scripts of a configuration, the dialect of its database and, for the lint,
	 * the history before the run.
	 * @param configuration the job's Flyway configuration
	 * @param lint whether the pending scripts will be linted
	 * @return the scripts' reader
	 * @throws SQLException when the database cannot be reached
	 */
	static BreakingChanges of(Configuration configuration, boolean lint) throws SQLException {
		try (Connection connection = configuration.getDataSource().getConnection()) {
			SqlDialect dialect = SqlDialect.fromProductName(connection.getMetaData().getDatabaseProductName());
			List<AppliedMigration> history = (lint && dialect != null) ? historyBefore(configuration, connection)
					: null;
			return new BreakingChanges(configuration, new LocalMigrationScanner(configuration).jobMigrations(), dialect,
					history);
		}
	}

	private static @Nullable List<AppliedMigration> historyBefore(Configuration configuration, Connection connection) {
		try {
			List<AppliedMigration> history = reader(configuration).read(connection, 0);
			return (history != null) ? history : List.of();
		}
		catch (SQLException | RuntimeException ex) {
			// Flyway's migrate will say why, with the exit code that goes with it
			logger.debug("Migration lint skipped: " + Messages.describe(ex));
			return null;
		}
	}

	/**
	 * Lint the scripts Flyway's migrate is about to apply: the pending ones by Flyway's
	 * rules, found in the history read before the run rather than by Flyway's
	 * {@code info()}, which would resolve and read every migration once more. Only where
	 * the application's own resolvers add migrations does Flyway say what is pending.
	 * @param flyway the job's Flyway
	 * @return the warnings, none when the database's SQL dialect is not one the lint
	 * reads
	 * @throws IllegalArgumentException when a pending script's declaration is malformed
	 */
	List<LintWarning> lintPending(Flyway flyway) {
		if (this.dialect == null) {
			logger.debug("Migration lint skipped: the database's SQL dialect is not one it reads");
			return List.of();
		}
		List<VersionedScript> pending = (this.configuration.getResolvers().length > 0) ? pendingByFlyway(flyway)
				: pending();
		List<LintWarning> warnings = new ArrayList<>();
		for (VersionedScript script : pending) {
			if (!script.baseline()) {
				warnings.addAll(MigrationLint.check(script.script(), script.text().get(), this.dialect));
			}
		}
		return warnings;
	}

	private List<VersionedScript> pending() {
		if (this.history == null) {
			return List.of();
		}
		try {
			Set<LocalMigration> pending = new HashSet<>(
					PendingMigrations.of(this.configuration, this.migrations, this.history));
			return this.migrations.scripts()
				.stream()
				.filter((script) -> pending.contains(script.withoutChecksum()))
				.toList();
		}
		catch (UnreadableHistoryException ex) {
			// Flyway's migrate will say why, with the exit code that goes with it
			logger.debug("Migration lint skipped: " + Messages.describe(ex));
			return List.of();
		}
	}

	private List<VersionedScript> pendingByFlyway(Flyway flyway) {
		try {
			Set<String> pending = new HashSet<>();
			for (MigrationInfo info : flyway.info().pending()) {
				// Flyway names a script by its path in the location; the job by its file
				// name
				pending.add(info.getScript().substring(info.getScript().lastIndexOf('/') + 1));
			}
			return this.migrations.scripts().stream().filter((script) -> pending.contains(script.script())).toList();
		}
		catch (FlywayException ex) {
			// Flyway's migrate will say why, with the exit code that goes with it
			logger.debug("Migration lint skipped: " + Messages.describe(ex));
			return List.of();
		}
	}

	/**
	 * Record the declarations of every applied script that declares one, whether this run
	 * or an earlier one applied it.
	 * @return how many were recorded now
	 * @throws SQLException when the history cannot be read or the table not written
	 */
	int recordApplied() throws SQLException {
		DataSource dataSource = this.configuration.getDataSource();
		try (Connection connection = dataSource.getConnection()) {
			Set<MigrationVersion> applied = appliedVersions(reader(this.configuration).read(connection, 0));
			List<RecordedDeclaration> declarations = new ArrayList<>();
			for (VersionedScript script : this.migrations.scripts()) {
				if (this.dialect == null || script.baseline() || !applied.contains(script.version())
						|| !script.text().get().contains(DECLARATION_MARKER)) {
					continue;
				}
				MigrationVersion breaksBefore = BreakingDeclaration.parse(script.script(), script.text().get(),
						this.dialect);
				if (breaksBefore != null) {
					declarations.add(new RecordedDeclaration(script.version().getVersion(), breaksBefore.getVersion(),
							script.script()));
				}
			}
			CompatibilityTable table = new CompatibilityTable(SchemaHistoryReader.historySchema(this.configuration));
			int recorded = table.record(connection, declarations);
			if (recorded > 0) {
				logger.info("Recorded " + recorded + " breaking migration(s) in " + table.displayName()
						+ ": older versions find them and refuse to run");
			}
			return recorded;
		}
	}

	private static SchemaHistoryReader reader(Configuration configuration) {
		return new SchemaHistoryReader(SchemaHistoryReader.historySchema(configuration), configuration.getTable());
	}

	/**
	 * The versions applied as versioned SQL migrations: not a baseline migration of the
	 * same version, not a Java migration.
	 */
	private static Set<MigrationVersion> appliedVersions(@Nullable List<AppliedMigration> history) {
		Set<MigrationVersion> applied = new HashSet<>();
		if (history != null) {
			for (AppliedMigration row : history) {
				if (row.version() != null && row.success() && "SQL".equals(row.type())) {
					applied.add(row.version());
				}
			}
		}
		return applied;
	}

}
