package io.schemagate.internal.compare;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.pattern.ValidatePattern;
import org.jspecify.annotations.Nullable;

import io.schemagate.internal.history.AppliedMigration;
import io.schemagate.internal.history.UnreadableHistoryException;
import io.schemagate.internal.local.LocalMigration;

/**
 * Flyway's {@code info()} and {@code validate()} on the migrations an application knows
 * and the rows of its history, without Flyway's engine: the migrations and rows are
 * paired as Flyway pairs them (versioned ones by version and type, repeatable ones by
 * description), each pair gets the {@link MigrationState} Flyway gives it, and the ones
 * Flyway's {@code validate()} reports say what it reports. Baselines (rows and {@code B}
 * scripts), deletions by repair, out-of-order rows, the target ({@code current},
 * {@code next} or a version) and the ignore patterns are Flyway's.
 */
final class FlywayRules {

	private final Settings settings;

	private final MigrationTypes types;

	private final List<Entry> entries = new ArrayList<>();

	private final Map<String, Integer> latestRuns = new HashMap<>();

	private MigrationVersion lastResolved = MigrationVersion.EMPTY;

	private MigrationVersion lastApplied = MigrationVersion.EMPTY;

	private @Nullable MigrationVersion appliedBaseline;

	private @Nullable MigrationVersion pendingBaseline;

	private @Nullable MigrationVersion target;

	private FlywayRules(Settings settings, MigrationTypes types) {
		this.settings = settings;
		this.types = types;
	}

	/**
	 * Pair the local migrations with the history and give each pair its state.
	 * @param local the migrations the application knows
	 * @param history the rows of the history, in installed order
	 * @param settings Flyway's settings that decide states
	 * @param types the row types this Flyway version reads
	 * @return every migration and row, each with its state and what validate reports
	 * @throws UnreadableHistoryException where Flyway's {@code info()} fails: a row of a
	 * type Flyway does not know, two deletions of one version
	 */
	static List<Entry> evaluate(Local local, List<AppliedMigration> history, Settings settings, MigrationTypes types)
			throws UnreadableHistoryException {
		FlywayRules rules = new FlywayRules(settings, types);
		rules.pair(local, history);
		return rules.entries;
	}

	private void pair(Local local, List<AppliedMigration> history) throws UnreadableHistoryException {
		Map<VersionAndType, LocalMigration> versioned = local.versioned;
		Map<String, LocalMigration> repeatable = local.repeatable;
		this.lastResolved = local.lastResolved;
		List<AppliedMigration> rows = this.types.read(history);
		List<Entry> appliedVersioned = appliedVersioned(rows);
		List<Entry> appliedRepeatable = appliedRepeatable(rows);
		orderApplied(appliedVersioned);
		this.target = (this.settings.target() == MigrationVersion.CURRENT) ? this.lastApplied : this.settings.target();
		Set<LocalMigration> appliedLocal = Collections.newSetFromMap(new IdentityHashMap<>());
		for (Entry entry : appliedVersioned) {
			AppliedMigration row = Objects.requireNonNull(entry.applied);
			entry.local = versioned.get(new VersionAndType(Objects.requireNonNull(row.version()), row.type()));
			if (entry.local != null && !entry.deleted && !row.isDelete()) {
				appliedLocal.add(entry.local);
			}
			this.entries.add(entry);
		}
		for (LocalMigration pending : versioned.values()) {
			if (appliedLocal.contains(pending)) {
				continue;
			}
			if (pending.isBaseline()) {
				this.pendingBaseline = maxOrNull(this.pendingBaseline, Objects.requireNonNull(pending.version()));
			}
			this.entries.add(new Entry(pending, null));
		}
		checkTarget();
		for (Entry entry : appliedRepeatable) {
			AppliedMigration row = Objects.requireNonNull(entry.applied);
			this.latestRuns.merge(row.description(), row.installedRank(), Math::max);
		}
		Set<LocalMigration> ranLocal = Collections.newSetFromMap(new IdentityHashMap<>());
		for (Entry entry : appliedRepeatable) {
			AppliedMigration row = Objects.requireNonNull(entry.applied);
			entry.local = repeatable.get(row.description());
			if (entry.local != null && !entry.deleted && !row.isDelete() && isLatestRun(row)
					&& entry.local.checksumMatches(row.checksum())) {
				ranLocal.add(entry.local);
			}
			this.entries.add(entry);
		}
		for (LocalMigration migration : repeatable.values()) {
			if (!ranLocal.contains(migration)) {
				this.entries.add(new Entry(migration, null));
			}
		}
		states();
		if (this.target == MigrationVersion.NEXT) {
			this.target = firstPendingVersion();
			states();
		}
		this.entries.forEach((entry) -> entry.problem = validate(entry));
		this.entries.sort(FlywayRules::infoOrder);
	}

	/**
	 * Flyway's order of its infos: history rows by rank, then migrations not applied,
	 * versioned ones by version before repeatable ones by description.
	 */
	private static int infoOrder(Entry first, Entry second) {
		if (first.applied != null || second.applied != null) {
			if (first.applied == null) {
				return 1;
			}
			return (second.applied == null) ? -1
					: Integer.compare(first.applied.installedRank(), second.applied.installedRank());
		}
		MigrationVersion firstVersion = first.version();
		MigrationVersion secondVersion = second.version();
		if (firstVersion != null && secondVersion != null) {
			return firstVersion.compareTo(secondVersion);
		}
		if (firstVersion != null || secondVersion != null) {
			return (firstVersion != null) ? -1 : 1;
		}
		return first.description().compareTo(second.description());
	}

	/**
	 * A target version that no migration has, local or applied, makes Flyway's
	 * {@code info()} fail, unless it ends with {@code ?}.
	 */
	private void checkTarget() throws UnreadableHistoryException {
		MigrationVersion target = this.settings.target();
		if (!this.settings.failOnMissingTarget() || target == null || target == MigrationVersion.LATEST
				|| target == MigrationVersion.CURRENT || target == MigrationVersion.NEXT) {
			return;
		}
		for (Entry entry : this.entries) {
			if (entry.version() != null && target.compareTo(entry.version()) == 0) {
				return;
			}
		}
		throw new UnreadableHistoryException("'spring.flyway.target' is " + target
				+ ", but no migration has that version, neither locally nor in the history; Flyway's info() and "
				+ "validate() fail the same way (end the target with '?' to accept a missing one)");
	}

	private List<Entry> appliedVersioned(List<AppliedMigration> history) throws UnreadableHistoryException {
		List<Entry> applied = new ArrayList<>();
		for (AppliedMigration row : history) {
			if (row.version() == null) {
				continue;
			}
			if (row.isBaselineType()) {
				this.appliedBaseline = maxOrNull(this.appliedBaseline, row.version());
			}
			if (row.isDelete() && row.success()) {
				markVersionDeleted(row.version(), applied);
				continue;
			}
			applied.add(new Entry(null, row));
		}
		return applied;
	}

	/**
	 * A successful deletion row marks the latest earlier row of its version as deleted; a
	 * second deletion of a row already deleted is a corrupted history to Flyway.
	 */
	private static void markVersionDeleted(MigrationVersion version, List<Entry> applied)
			throws UnreadableHistoryException {
		for (int i = applied.size() - 1; i >= 0; i--) {
			Entry entry = applied.get(i);
			AppliedMigration row = Objects.requireNonNull(entry.applied);
			if (!row.isSynthetic() && version.equals(row.version())) {
				if (entry.deleted) {
					throw new UnreadableHistoryException(
							"Corrupted schema history: multiple delete entries for version " + version);
				}
				entry.deleted = true;
				return;
			}
		}
	}

	private static List<Entry> appliedRepeatable(List<AppliedMigration> history) {
		List<Entry> applied = new ArrayList<>();
		for (AppliedMigration row : history) {
			if (row.version() != null) {
				continue;
			}
			applied.add(new Entry(null, row));
			if (row.isDelete() && row.success()) {
				for (int i = applied.size() - 1; i >= 0; i--) {
					AppliedMigration earlier = Objects.requireNonNull(applied.get(i).applied);
					if (!earlier.isSynthetic() && earlier.description().equals(row.description())) {
						applied.get(i).deleted = true;
						break;
					}
				}
			}
		}
		return applied;
	}

	/**
	 * The newest version applied, and which rows came out of order: a row is out of order
	 * when its version is not above every one before it. Failed rows count as applied.
	 */
	private void orderApplied(List<Entry> appliedVersioned) {
		for (Entry entry : appliedVersioned) {
			AppliedMigration row = Objects.requireNonNull(entry.applied);
			MigrationVersion version = Objects.requireNonNull(row.version());
			if (version.compareTo(this.lastApplied) > 0) {
				if (!row.isDelete() && !entry.deleted) {
					this.lastApplied = version;
				}
			}
			else {
				entry.outOfOrder = true;
			}
		}
	}

	private boolean isLatestRun(AppliedMigration row) {
		Integer latest = this.latestRuns.get(row.description());
		return latest == null || latest == row.installedRank();
	}

	private void states() {
		this.entries.forEach((entry) -> entry.state = state(entry));
	}

	/**
	 * {@code target=next}: the lowest version pending when no target applies, or none
	 * when only repeatable migrations are pending.
	 */
	private @Nullable MigrationVersion firstPendingVersion() {
		MigrationVersion first = null;
		for (Entry entry : this.entries) {
			if (entry.state == MigrationState.PENDING && entry.applied == null && entry.version() != null) {
				first = (first == null || entry.version().compareTo(first) < 0) ? entry.version() : first;
			}
		}
		return first;
	}

	private MigrationState state(Entry entry) {
		if (entry.deleted) {
			return MigrationState.DELETED;
		}
		AppliedMigration row = entry.applied;
		if (row == null) {
			return resolvedState(Objects.requireNonNull(entry.local));
		}
		if (row.isDelete()) {
			return MigrationState.SUCCESS;
		}
		MigrationState missing = missingState(row, entry.local);
		if (row.isBaselineType()) {
			if (row.isBaseline()) {
				return MigrationState.BASELINE;
			}
			return !row.success() ? MigrationState.FAILED : (missing != null) ? missing : MigrationState.BASELINE;
		}
		if (missing != null) {
			return missing;
		}
		if (!row.success()) {
			return MigrationState.FAILED;
		}
		if (row.isSchema()) {
			return MigrationState.SUCCESS;
		}
		if (row.version() == null) {
			if (!isLatestRun(row)) {
				return MigrationState.SUPERSEDED;
			}
			return (entry.local != null && entry.local.checksumMatches(row.checksum())) ? MigrationState.SUCCESS
					: MigrationState.OUTDATED;
		}
		return entry.outOfOrder ? MigrationState.OUT_OF_ORDER : MigrationState.SUCCESS;
	}

	private @Nullable MigrationState missingState(AppliedMigration row, @Nullable LocalMigration local) {
		if (local != null || (row.version() == null && !isLatestRun(row))) {
			return null;
		}
		if (row.isSchema()) {
			return MigrationState.SUCCESS;
		}
		if (row.version() == null || row.version().compareTo(this.lastResolved) < 0) {
			return row.success() ? MigrationState.MISSING_SUCCESS : MigrationState.MISSING_FAILED;
		}
		return row.success() ? MigrationState.FUTURE_SUCCESS : MigrationState.FUTURE_FAILED;
	}

	private MigrationState resolvedState(LocalMigration local) {
		MigrationState state = MigrationState.PENDING;
		MigrationVersion version = local.version();
		if (version != null) {
			MigrationVersion baseline = (this.lastApplied == MigrationVersion.EMPTY) ? this.pendingBaseline
					: this.appliedBaseline;
			int toBaseline = version.compareTo(baseline);
			if (toBaseline < 0) {
				state = MigrationState.BELOW_BASELINE;
			}
			else if (toBaseline == 0) {
				state = MigrationState.BASELINE_IGNORED;
			}
			else if (this.target != null && this.target != MigrationVersion.NEXT
					&& version.compareTo(this.target) > 0) {
				state = MigrationState.ABOVE_TARGET;
			}
			else if (version.compareTo(this.lastApplied) < 0 && !this.settings.outOfOrder()) {
				state = MigrationState.IGNORED;
			}
		}
		if (local.isBaseline()) {
			boolean migrated = this.appliedBaseline != null || this.lastApplied != MigrationVersion.EMPTY;
			if (state == MigrationState.PENDING && migrated) {
				return MigrationState.IGNORED;
			}
			if (state == MigrationState.BASELINE_IGNORED && Objects.equals(version, this.pendingBaseline)) {
				return migrated ? MigrationState.BASELINE_IGNORED : MigrationState.PENDING;
			}
		}
		return state;
	}

	private @Nullable Problem validate(Entry entry) {
		MigrationState state = Objects.requireNonNull(entry.state);
		if (state == MigrationState.ABOVE_TARGET || state == MigrationState.DELETED) {
			return null;
		}
		boolean versioned = entry.version() != null;
		for (ValidatePattern pattern : this.settings.ignorePatterns()) {
			if (pattern.matchesMigration(versioned, state)) {
				return null;
			}
		}
		if (state.isFailed() && !(ignored(MigrationState.FUTURE_SUCCESS) && state == MigrationState.FUTURE_FAILED)) {
			return Problem.FAILED;
		}
		AppliedMigration row = entry.applied;
		LocalMigration local = entry.local;
		if (local == null && row != null && !row.isSynthetic() && !row.isUndo() && state != MigrationState.SUPERSEDED
				&& !(ignored(MigrationState.MISSING_SUCCESS)
						&& (state == MigrationState.MISSING_SUCCESS || state == MigrationState.MISSING_FAILED))
				&& !(ignored(MigrationState.FUTURE_SUCCESS)
						&& (state == MigrationState.FUTURE_SUCCESS || state == MigrationState.FUTURE_FAILED))) {
			return Problem.NOT_RESOLVED;
		}
		boolean pendingIgnored = ignored(MigrationState.PENDING);
		if (state == MigrationState.IGNORED && !ignored(MigrationState.IGNORED) && local != null
				&& !local.isBaseline()) {
			return Problem.IGNORED;
		}
		if (state == MigrationState.PENDING && !pendingIgnored) {
			return Problem.PENDING;
		}
		if (state == MigrationState.OUTDATED && !pendingIgnored) {
			return Problem.OUTDATED;
		}
		if (local != null && row != null && !row.isDelete() && !row.isUndo()
				&& (!versioned || entry.version().compareTo(this.appliedBaseline) > 0)) {
			if (!local.type().equals(row.type())) {
				return Problem.TYPE_MISMATCH;
			}
			boolean checksummed = versioned
					|| (pendingIgnored && state != MigrationState.OUTDATED && state != MigrationState.SUPERSEDED);
			Integer localChecksum = local.validatedChecksum();
			if (checksummed && localChecksum != null && row.checksum() != null
					&& !localChecksum.equals(row.checksum())) {
				return Problem.CHECKSUM_MISMATCH;
			}
			if (!Descriptions.match(local.description(), row.description())) {
				return Problem.DESCRIPTION_MISMATCH;
			}
		}
		return null;
	}

	/**
	 * Whether Flyway's validate ignores a state for versioned and repeatable migrations
	 * alike ({@code *:pending}, or two patterns that cover both).
	 */
	private boolean ignored(MigrationState state) {
		boolean versioned = false;
		boolean repeatable = false;
		for (ValidatePattern pattern : this.settings.ignorePatterns()) {
			versioned |= pattern.matchesMigration(true, state);
			repeatable |= pattern.matchesMigration(false, state);
		}
		return versioned && repeatable;
	}

	private static MigrationVersion max(MigrationVersion current, MigrationVersion candidate) {
		return (candidate.compareTo(current) > 0) ? candidate : current;
	}

	private static MigrationVersion maxOrNull(@Nullable MigrationVersion current, MigrationVersion candidate) {
		return (current == null || candidate.compareTo(current) > 0) ? candidate : current;
	}

	/**
	 * Flyway's settings that decide states and what validate reports.
	 *
	 * @param target the target: {@code null} or {@link MigrationVersion#LATEST} for the
	 * latest, {@link MigrationVersion#CURRENT}, {@link MigrationVersion#NEXT}, or a
	 * version
	 * @param failOnMissingTarget whether a target version no migration has fails, as it
	 * does unless the target ends with {@code ?}
	 * @param outOfOrder whether migrations older than the newest applied one are pending
	 * rather than ignored
	 * @param ignorePatterns the ignore-migration patterns
	 */
	record Settings(@Nullable MigrationVersion target, boolean failOnMissingTarget, boolean outOfOrder,
			ValidatePattern[] ignorePatterns) {

	}

	/**
	 * What Flyway's {@code validate()} reports of an entry.
	 */
	enum Problem {

		/** A failed migration. */
		FAILED,

		/** An applied migration that is not resolved locally. */
		NOT_RESOLVED,

		/** A migration older than the newest applied one, not applied. */
		IGNORED,

		/** A migration not applied. */
		PENDING,

		/** A repeatable migration whose latest run has another checksum. */
		OUTDATED,

		/** A migration applied as another type. */
		TYPE_MISMATCH,

		/** A migration applied with another checksum. */
		CHECKSUM_MISMATCH,

		/** A migration applied with another description. */
		DESCRIPTION_MISMATCH

	}

	/**
	 * A local migration, a history row, or the two paired.
	 */
	static final class Entry {

		@Nullable LocalMigration local;

		final @Nullable AppliedMigration applied;

		boolean outOfOrder;

		boolean deleted;

		@Nullable MigrationState state;

		@Nullable Problem problem;

		Entry(@Nullable LocalMigration local, @Nullable AppliedMigration applied) {
			this.local = local;
			this.applied = applied;
		}

		@Nullable MigrationVersion version() {
			return (this.applied != null) ? this.applied.version() : Objects.requireNonNull(this.local).version();
		}

		String description() {
			return (this.applied != null) ? this.applied.description()
					: Objects.requireNonNull(this.local).description();
		}

		MigrationState state() {
			return Objects.requireNonNull(this.state);
		}

	}

	private record VersionAndType(MigrationVersion version, String type) {

	}

	/**
	 * The local migrations as the rules look them up, built once for every check:
	 * versioned ones by version and type, repeatable ones by description.
	 */
	static final class Local {

		private final Map<VersionAndType, LocalMigration> versioned = new HashMap<>();

		private final Map<String, LocalMigration> repeatable = new HashMap<>();

		private MigrationVersion lastResolved = MigrationVersion.EMPTY;

		Local(List<LocalMigration> migrations) {
			for (LocalMigration migration : migrations) {
				MigrationVersion version = migration.version();
				if (version != null) {
					this.lastResolved = max(this.lastResolved, version);
					this.versioned.put(new VersionAndType(version, migration.type()), migration);
				}
				else {
					this.repeatable.put(migration.description(), migration);
				}
			}
		}

	}

}
