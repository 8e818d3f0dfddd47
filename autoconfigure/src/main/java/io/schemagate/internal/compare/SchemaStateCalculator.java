package io.schemagate.internal.compare;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.pattern.ValidatePattern;
import org.jspecify.annotations.Nullable;

import io.schemagate.internal.history.AppliedMigration;
import io.schemagate.internal.local.LocalMigration;

/**
 * Compares the migrations an application knows with the schema history and computes the
 * {@link SchemaState}. Pure and cheap: it follows Flyway's own pairing rules (versioned
 * migrations by version, repeatables by description, later {@code DELETE} rows cancel
 * earlier ones) without Flyway's engine, so a check can be repeated at little cost.
 */
public class SchemaStateCalculator {

	private static final String NO_DESCRIPTION_MARKER = "<< no description >>";

	private static final int MAX_DESCRIPTION_LENGTH = 200;

	private final Map<MigrationVersion, LocalMigration> versioned = new TreeMap<>();

	private final Map<String, LocalMigration> repeatable = new TreeMap<>();

	private final ValidatePattern[] ignorePatterns;

	private final @Nullable MigrationVersion target;

	private final MigrationVersion lastResolved;

	private final @Nullable MigrationVersion expected;

	/**
	 * Create a calculator for the migrations an application knows.
	 * @param local the local migrations
	 * @param ignorePatterns Flyway's ignore-migration patterns
	 * @param target the target version, or {@code null} for the latest
	 */
	public SchemaStateCalculator(List<LocalMigration> local, ValidatePattern[] ignorePatterns,
			@Nullable MigrationVersion target) {
		for (LocalMigration migration : local) {
			if (migration.version() != null) {
				this.versioned.put(migration.version(), migration);
			}
			else {
				this.repeatable.put(migration.description(), migration);
			}
		}
		this.ignorePatterns = ignorePatterns;
		this.target = target;
		this.lastResolved = this.versioned.keySet()
			.stream()
			.reduce((first, second) -> second)
			.orElse(MigrationVersion.EMPTY);
		this.expected = this.versioned.keySet()
			.stream()
			.filter((version) -> target == null || version.compareTo(target) <= 0)
			.reduce((first, second) -> second)
			.orElse(null);
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
		return this.versioned.size() + this.repeatable.size();
	}

	/**
	 * The newest version the application knows, whatever the target: newer versions in
	 * the history are a newer application's.
	 * @return the newest known version, {@link MigrationVersion#EMPTY} when none
	 */
	public MigrationVersion newestKnown() {
		return this.lastResolved;
	}

	/**
	 * Compare with a database whose schema history table does not exist.
	 * @return the findings, every migration pending
	 */
	public SchemaFindings withoutHistory() {
		return calculate(List.of());
	}

	/**
	 * Compare the local migrations with a database's schema history.
	 * @param history the rows of the schema history table, in installed order
	 * @return the findings
	 */
	public SchemaFindings calculate(List<AppliedMigration> history) {
		SchemaFindings findings = new SchemaFindings(expectedVersion(), knownCount());
		List<AppliedMigration> applied = withoutDeleted(history);
		if (history.isEmpty()) {
			findings.noHistory();
		}
		checkVersioned(applied, findings);
		checkRepeatable(applied, lastKnownRank(applied), findings);
		return findings;
	}

	/**
	 * The installed rank of the last history row of a migration the application knows:
	 * what a newer version did comes after it.
	 */
	private int lastKnownRank(List<AppliedMigration> applied) {
		int rank = 0;
		for (AppliedMigration row : applied) {
			boolean known = (row.version() != null) ? this.versioned.containsKey(row.version())
					: this.repeatable.containsKey(row.description());
			if (known && !row.isMarker()) {
				rank = Math.max(rank, row.installedRank());
			}
		}
		return rank;
	}

	private void checkVersioned(List<AppliedMigration> applied, SchemaFindings findings) {
		MigrationVersion baseline = null;
		Set<MigrationVersion> recorded = new HashSet<>();
		for (AppliedMigration row : applied) {
			if (row.version() == null) {
				continue;
			}
			recorded.add(row.version());
			if (row.isBaseline()) {
				baseline = max(baseline, row.version());
			}
			if (row.success()) {
				findings.applied(row.version(), !row.isMarker());
			}
		}
		for (AppliedMigration row : applied) {
			if (row.version() != null && !row.isMarker()) {
				checkAppliedVersioned(row, baseline, findings);
			}
		}
		for (LocalMigration migration : this.versioned.values()) {
			MigrationVersion version = Objects.requireNonNull(migration.version());
			boolean belowBaseline = baseline != null && version.compareTo(baseline) <= 0;
			boolean aboveTarget = this.target != null && version.compareTo(this.target) > 0;
			if (!recorded.contains(version) && !belowBaseline && !aboveTarget) {
				findings.pending(migration.label());
			}
		}
	}

	private void checkAppliedVersioned(AppliedMigration row, @Nullable MigrationVersion baseline,
			SchemaFindings findings) {
		MigrationVersion version = Objects.requireNonNull(row.version());
		LocalMigration local = this.versioned.get(version);
		boolean newer = local == null && version.compareTo(this.lastResolved) > 0;
		if (newer) {
			if (row.success()) {
				findings.ahead("migration " + row.label() + " (" + row.description() + ") is newer than this version");
			}
			else {
				findings.newerFailed(row.label(), "migration " + row.label() + " (" + row.description()
						+ ") of a newer version failed; that version reports it");
			}
		}
		else if (!row.success()) {
			findings.failed(row.label(), "migration " + row.label() + " (" + row.description() + ") failed");
		}
		else if (local == null) {
			missing(row, findings);
		}
		else if (baseline == null || version.compareTo(baseline) > 0) {
			compare(local, row, findings);
		}
	}

	private void checkRepeatable(List<AppliedMigration> applied, int lastKnownRank, SchemaFindings findings) {
		Map<String, List<AppliedMigration>> runs = new LinkedHashMap<>();
		for (AppliedMigration row : applied) {
			if (row.version() == null && !row.isMarker()) {
				runs.computeIfAbsent(row.description(), (description) -> new ArrayList<>()).add(row);
			}
		}
		runs.forEach((description, rows) -> {
			AppliedMigration latest = rows.get(rows.size() - 1);
			LocalMigration local = this.repeatable.get(description);
			if (local == null) {
				unknownRepeatable(rows, lastKnownRank, findings);
			}
			else if (!latest.success()) {
				findings.failed(latest.label(), "repeatable migration '" + description + "' failed");
			}
			else if (checksumMatches(local, latest.checksum())) {
				findings.applied(null, true);
			}
			else if (rows.stream().anyMatch((row) -> row.success() && checksumMatches(local, row.checksum()))) {
				findings.applied(null, true);
				findings.ahead("repeatable migration '" + description + "' was changed by a newer version");
			}
			else {
				findings.pending(local.label());
			}
		});
		this.repeatable.values()
			.stream()
			.filter((local) -> !runs.containsKey(local.description()))
			.forEach((local) -> findings.pending(local.label()));
	}

	/**
	 * A repeatable migration the application does not know: a newer version's when it
	 * first ran after everything this application knows, else missing locally.
	 */
	private void unknownRepeatable(List<AppliedMigration> rows, int lastKnownRank, SchemaFindings findings) {
		AppliedMigration latest = rows.get(rows.size() - 1);
		if (rows.get(0).installedRank() <= lastKnownRank) {
			missing(latest, findings);
		}
		else if (latest.success()) {
			findings.ahead("repeatable migration '" + latest.description() + "' was added by a newer version");
		}
		else {
			findings.newerFailed(latest.label(), "repeatable migration '" + latest.description()
					+ "' of a newer version failed; that version reports it");
		}
	}

	private void missing(AppliedMigration row, SchemaFindings findings) {
		if (!isIgnored(row.isVersioned(), MigrationState.MISSING_SUCCESS)) {
			findings.drifted(row.label(), "migration " + row.label() + " is applied but missing locally");
		}
	}

	private void compare(LocalMigration local, AppliedMigration row, SchemaFindings findings) {
		String label = row.label();
		if (!local.type().equals(row.type())) {
			findings.drifted(label,
					"migration " + label + " type differs: applied " + row.type() + ", local " + local.type());
		}
		else if (!checksumMatches(local, row.checksum())) {
			findings.drifted(label, "migration " + label + " checksum differs: applied " + row.checksum() + ", local "
					+ local.checksum());
		}
		else if (!descriptionMatches(local.description(), row.description())) {
			findings.drifted(label, "migration " + label + " description differs: applied '" + row.description()
					+ "', local '" + local.description() + "'");
		}
	}

	private boolean isIgnored(boolean versioned, MigrationState state) {
		for (ValidatePattern pattern : this.ignorePatterns) {
			if (pattern.matchesMigration(versioned, state)) {
				return true;
			}
		}
		return false;
	}

	private static boolean checksumMatches(LocalMigration local, @Nullable Integer applied) {
		if (local.version() != null) {
			return local.checksum() == null || applied == null || local.checksum().equals(applied);
		}
		return Objects.equals(applied, local.checksum())
				|| (local.equivalentChecksum() != null && local.equivalentChecksum().equals(applied));
	}

	private static boolean descriptionMatches(String local, String applied) {
		if (NO_DESCRIPTION_MARKER.equals(applied)) {
			return local.isEmpty();
		}
		String abbreviated = (local.length() <= MAX_DESCRIPTION_LENGTH) ? local
				: local.substring(0, MAX_DESCRIPTION_LENGTH - 3) + "...";
		return abbreviated.equals(applied);
	}

	/**
	 * Drop the rows that a later successful {@code DELETE} row cancels, and the
	 * {@code DELETE} rows themselves, as Flyway's repair records them.
	 */
	private static List<AppliedMigration> withoutDeleted(List<AppliedMigration> history) {
		List<AppliedMigration> kept = new ArrayList<>(history.size());
		Map<String, Integer> lastIndex = new HashMap<>();
		for (AppliedMigration row : history) {
			String key = row.label();
			if (row.isDelete() && row.success()) {
				Integer index = lastIndex.remove(key);
				if (index != null) {
					kept.set(index, null);
				}
				continue;
			}
			if (!row.isMarker()) {
				lastIndex.put(key, kept.size());
			}
			kept.add(row);
		}
		kept.removeIf(Objects::isNull);
		return kept;
	}

	static MigrationVersion max(@Nullable MigrationVersion current, MigrationVersion candidate) {
		return (current == null || candidate.compareTo(current) > 0) ? candidate : current;
	}

}
