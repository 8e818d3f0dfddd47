package io.schemagate.internal.compare;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.api.pattern.ValidatePattern;
import org.jspecify.annotations.Nullable;

import io.schemagate.internal.MigrationLabel;
import io.schemagate.internal.compare.FlywayRules.Entry;
import io.schemagate.internal.compare.FlywayRules.Problem;
import io.schemagate.internal.compare.FlywayRules.Settings;
import io.schemagate.internal.history.AppliedMigration;
import io.schemagate.internal.history.UnreadableHistoryException;
import io.schemagate.internal.local.LocalMigration;

/**
 * Compares the migrations an application knows with the schema history: Flyway's own
 * states and validation ({@link FlywayRules}), read into the contract's states. Where the
 * database was moved on by a newer version of the application, the contract differs from
 * Flyway on purpose: a newer version's migrations (also failed ones), the repeatable
 * migrations it added after everything this version knows, and the ones it changed after
 * this version's own ran, are AHEAD rather than failed, drifted or pending.
 */
public class SchemaStateCalculator {

	private final FlywayRules.Local local;

	private final Settings settings;

	private final MigrationTypes types;

	private final MigrationVersion newestKnown;

	private final @Nullable MigrationVersion expected;

	private final int knownCount;

	/**
	 * Create a calculator with Flyway's defaults for the order of migrations.
	 * @param local the local migrations
	 * @param ignorePatterns Flyway's ignore-migration patterns
	 * @param target the target version, or {@code null} for the latest
	 */
	public SchemaStateCalculator(List<LocalMigration> local, ValidatePattern[] ignorePatterns,
			@Nullable MigrationVersion target) {
		this(local, new Settings(target, false, false, ignorePatterns),
				MigrationTypes.of(SchemaStateCalculator.class.getClassLoader()));
	}

	SchemaStateCalculator(List<LocalMigration> local, Settings settings, MigrationTypes types) {
		this.local = new FlywayRules.Local(local);
		this.settings = settings;
		this.types = types;
		MigrationVersion newest = MigrationVersion.EMPTY;
		MigrationVersion expected = null;
		MigrationVersion target = settings.target();
		boolean versionTarget = target != null && target != MigrationVersion.LATEST
				&& target != MigrationVersion.CURRENT && target != MigrationVersion.NEXT;
		for (LocalMigration migration : local) {
			MigrationVersion version = migration.version();
			if (version != null) {
				newest = (version.compareTo(newest) > 0) ? version : newest;
				if (!versionTarget || version.compareTo(target) <= 0) {
					expected = (expected == null || version.compareTo(expected) > 0) ? version : expected;
				}
			}
		}
		this.newestKnown = newest;
		this.expected = expected;
		this.knownCount = local.size();
	}

	/**
	 * Create a calculator for a Flyway configuration's settings: the target, whether a
	 * missing target fails, out-of-order and the ignore patterns.
	 * @param local the local migrations
	 * @param configuration the Flyway configuration
	 * @return the calculator
	 */
	public static SchemaStateCalculator of(List<LocalMigration> local, Configuration configuration) {
		// getTarget() first: it tells isFailOnMissingTarget() whether the target ends
		// with '?'
		MigrationVersion target = configuration.getTarget();
		return new SchemaStateCalculator(local, new Settings(target, configuration.isFailOnMissingTarget(),
				configuration.isOutOfOrder(), configuration.getIgnoreMigrationPatterns()),
				MigrationTypes.of(configuration.getClassLoader()));
	}

	/**
	 * The newest version the application expects, within the target.
	 * @return the expected version or {@code null} when there are no versioned migrations
	 */
	public @Nullable String expectedVersion() {
		return (this.expected != null) ? this.expected.getVersion() : null;
	}

	/**
	 * How many migrations the application knows.
	 * @return the count
	 */
	public int knownCount() {
		return this.knownCount;
	}

	/**
	 * The newest version the application knows, whatever the target: newer versions in
	 * the history are a newer application's.
	 * @return the newest known version, {@link MigrationVersion#EMPTY} when none
	 */
	public MigrationVersion newestKnown() {
		return this.newestKnown;
	}

	/**
	 * Compare with a database whose schema history table does not exist.
	 * @return the findings, every migration pending
	 * @throws UnreadableHistoryException where Flyway fails without a history too (a
	 * target version no migration has)
	 */
	public SchemaFindings withoutHistory() throws UnreadableHistoryException {
		return calculate(List.of());
	}

	/**
	 * Compare the local migrations with a database's schema history.
	 * @param history the rows of the schema history table, in installed order
	 * @return the findings
	 * @throws UnreadableHistoryException where Flyway cannot read the history either
	 */
	public SchemaFindings calculate(List<AppliedMigration> history) throws UnreadableHistoryException {
		List<Entry> entries = FlywayRules.evaluate(this.local, history, this.settings, this.types);
		SchemaFindings findings = new SchemaFindings(expectedVersion(), this.knownCount);
		if (history.isEmpty()) {
			findings.noHistory();
		}
		NewerVersion newer = new NewerVersion(entries);
		for (Entry entry : entries) {
			if (!newer.judge(entry, findings)) {
				judge(entry, findings);
			}
			counts(entry, findings);
		}
		return findings;
	}

	/**
	 * The versioned migrations Flyway's migrate would apply, as its
	 * {@code info().pending()} lists them.
	 * @param history the rows of the schema history table, in installed order, empty when
	 * there is no table
	 * @return the pending migrations, as given to this calculator
	 * @throws UnreadableHistoryException where Flyway cannot read the history either
	 */
	public List<LocalMigration> pendingVersioned(List<AppliedMigration> history) throws UnreadableHistoryException {
		List<LocalMigration> pending = new ArrayList<>();
		for (Entry entry : FlywayRules.evaluate(this.local, history, this.settings, this.types)) {
			if (entry.applied == null && entry.local != null && entry.version() != null
					&& entry.state() == MigrationState.PENDING) {
				pending.add(entry.local);
			}
		}
		return pending;
	}

	private static void judge(Entry entry, SchemaFindings findings) {
		MigrationState state = entry.state();
		String label = MigrationLabel.of(entry.version(), entry.description());
		if (state.isFailed()) {
			findings.failed(label,
					(entry.version() != null) ? "migration " + label + " (" + entry.description() + ") failed"
							: "repeatable migration '" + entry.description() + "' failed");
		}
		else if (entry.problem != null && isDrift(entry.problem)) {
			findings.drifted(label, drift(entry, label));
		}
		else if (state == MigrationState.PENDING || state == MigrationState.OUTDATED
				|| (state == MigrationState.IGNORED && entry.problem == Problem.IGNORED)) {
			findings.pending(label);
		}
	}

	private static void counts(Entry entry, SchemaFindings findings) {
		AppliedMigration row = entry.applied;
		if (row != null && row.success() && !entry.deleted && !row.isDelete() && !row.isSchema()
				&& entry.state() != MigrationState.SUPERSEDED) {
			findings.applied(row.version(), !row.isSynthetic());
		}
	}

	private static boolean isDrift(Problem problem) {
		return problem == Problem.NOT_RESOLVED || problem == Problem.TYPE_MISMATCH
				|| problem == Problem.CHECKSUM_MISMATCH || problem == Problem.DESCRIPTION_MISMATCH;
	}

	private static String drift(Entry entry, String label) {
		AppliedMigration row = Objects.requireNonNull(entry.applied);
		LocalMigration local = entry.local;
		return switch (Objects.requireNonNull(entry.problem)) {
			case TYPE_MISMATCH -> "migration " + label + " type differs: applied " + row.type() + ", local "
					+ Objects.requireNonNull(local).type();
			case CHECKSUM_MISMATCH -> "migration " + label + " checksum differs: applied " + row.checksum() + ", local "
					+ Objects.requireNonNull(local).validatedChecksum();
			case DESCRIPTION_MISMATCH -> "migration " + label + " description differs: applied '" + row.description()
					+ "', local '" + Objects.requireNonNull(local).description() + "'";
			default -> "migration " + label + " is applied but missing locally";
		};
	}

	/**
	 * What a newer version of the application did, found in the entries: its versioned
	 * migrations, the repeatable migrations it added after every history row of a
	 * migration this version knows, and the ones of this version it changed after this
	 * version's own checksum ran.
	 */
	private static final class NewerVersion {

		private final int lastKnownRank;

		private final Map<String, Integer> firstRuns = new HashMap<>();

		private final Set<String> changedRepeatables = new HashSet<>();

		NewerVersion(List<Entry> entries) {
			int lastKnown = 0;
			Map<String, Integer> latestRuns = new HashMap<>();
			for (Entry entry : entries) {
				AppliedMigration row = entry.applied;
				if (row == null) {
					continue;
				}
				if (entry.local != null) {
					lastKnown = Math.max(lastKnown, row.installedRank());
				}
				if (row.version() == null && !row.isSynthetic()) {
					this.firstRuns.merge(row.description(), row.installedRank(), Math::min);
					latestRuns.merge(row.description(), row.installedRank(), Math::max);
				}
			}
			this.lastKnownRank = lastKnown;
			for (Entry entry : entries) {
				AppliedMigration row = entry.applied;
				if (row != null && entry.local != null && row.version() == null && row.success()
						&& row.installedRank() < latestRuns.getOrDefault(row.description(), 0)
						&& entry.local.checksumMatches(row.checksum()) && isOutdated(entries, row.description())) {
					this.changedRepeatables.add(row.description());
				}
			}
		}

		private static boolean isOutdated(List<Entry> entries, String description) {
			return entries.stream()
				.anyMatch((entry) -> entry.applied != null && entry.applied.version() == null
						&& entry.applied.description().equals(description) && entry.state() == MigrationState.OUTDATED);
		}

		/**
		 * Judge an entry if it is a newer version's.
		 * @return whether it was
		 */
		boolean judge(Entry entry, SchemaFindings findings) {
			AppliedMigration row = entry.applied;
			MigrationState state = entry.state();
			String label = MigrationLabel.of(entry.version(), entry.description());
			if (row != null && row.version() != null && entry.local == null
					&& (state == MigrationState.FUTURE_SUCCESS || state == MigrationState.FUTURE_FAILED)) {
				newer(state, label, "migration " + label + " (" + row.description() + ")", findings);
				return true;
			}
			if (row != null && row.version() == null && entry.local == null && !row.isSynthetic()
					&& this.firstRuns.getOrDefault(row.description(), 0) > this.lastKnownRank) {
				if (state.isFailed() || state == MigrationState.MISSING_SUCCESS) {
					newer(state, label, "repeatable migration '" + row.description() + "'", findings);
				}
				return true;
			}
			if (entry.version() == null && this.changedRepeatables.contains(entry.description())) {
				if (state == MigrationState.OUTDATED) {
					findings.ahead("repeatable migration '" + entry.description() + "' was changed by a newer version");
					return true;
				}
				// Flyway lists the local script as pending beside the outdated run
				return state == MigrationState.PENDING;
			}
			return false;
		}

		private static void newer(MigrationState state, String label, String what, SchemaFindings findings) {
			if (state.isFailed()) {
				findings.newerFailed(label, what + " of a newer version failed; that version reports it");
			}
			else {
				findings.ahead(what + " is from a newer version");
			}
		}

	}

}
