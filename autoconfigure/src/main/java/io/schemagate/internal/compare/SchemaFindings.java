package io.schemagate.internal.compare;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.flywaydb.core.api.MigrationVersion;
import org.jspecify.annotations.Nullable;

import io.schemagate.verify.BreakingMigration;
import io.schemagate.verify.SchemaState;
import io.schemagate.verify.SchemaStatus;

/**
 * What one comparison found, folded into a status by state precedence once the check is
 * complete.
 */
public final class SchemaFindings {

	private final List<String> pending = new ArrayList<>();

	private final List<String> failed = new ArrayList<>();

	private final List<String> newerFailed = new ArrayList<>();

	private final List<String> drifted = new ArrayList<>();

	private final List<String> problems = new ArrayList<>();

	private final List<String> aheadProblems = new ArrayList<>();

	private final @Nullable String expectedVersion;

	private final int knownCount;

	private @Nullable MigrationVersion appliedVersion;

	private int appliedCount;

	private int aheadBy;

	private boolean noHistory;

	private @Nullable BreakingMigration breaking;

	private @Nullable Instant migrationRunningSince;

	SchemaFindings(@Nullable String expectedVersion, int knownCount) {
		this.expectedVersion = expectedVersion;
		this.knownCount = knownCount;
	}

	void applied(@Nullable MigrationVersion version, boolean counts) {
		if (version != null) {
			this.appliedVersion = (this.appliedVersion == null || version.compareTo(this.appliedVersion) > 0) ? version
					: this.appliedVersion;
		}
		if (counts) {
			this.appliedCount++;
		}
	}

	void noHistory() {
		this.noHistory = true;
	}

	void pending(String label) {
		if (!this.pending.contains(label)) {
			this.pending.add(label);
		}
	}

	void failed(String label, String problem) {
		if (!this.failed.contains(label)) {
			this.failed.add(label);
			this.problems.add(problem);
		}
	}

	void drifted(String label, String problem) {
		if (!this.drifted.contains(label)) {
			this.drifted.add(label);
			this.problems.add(problem);
		}
	}

	/**
	 * A newer version of the application did something this one does not know of.
	 * @param problem what, for reports
	 */
	void ahead(String problem) {
		this.aheadBy++;
		this.aheadProblems.add(problem);
	}

	/**
	 * A newer version's migration failed: that version's own checks report it; this one
	 * lists it and stays ahead.
	 * @param label the migration
	 * @param problem what, for reports
	 */
	void newerFailed(String label, String problem) {
		if (!this.newerFailed.contains(label)) {
			this.newerFailed.add(label);
			ahead(problem);
		}
	}

	/**
	 * Since when a migrate job holds Flyway's lock, found when the state is
	 * {@link SchemaState#BEHIND}.
	 * @param since since when, or {@code null} when no job holds it
	 */
	public void migrationRunningSince(@Nullable Instant since) {
		this.migrationRunningSince = since;
	}

	/**
	 * The breaking migrations a newer version applied, when the state is
	 * {@link SchemaState#AHEAD}: the application is incompatible with the database when
	 * one of them declared that versions as old as this application's newest cannot run.
	 * @param declared every declaration recorded next to the schema history
	 * @param newest this application's newest migration version
	 */
	public void declarations(List<BreakingMigration> declared, MigrationVersion newest) {
		this.breaking = declared.stream()
			.filter((declaration) -> newest.compareTo(MigrationVersion.fromVersion(declaration.breaksBefore())) < 0)
			.max(Comparator.comparing((BreakingMigration declaration) -> version(declaration.breaksBefore()))
				.thenComparing((declaration) -> version(declaration.version())))
			.orElse(null);
	}

	private static MigrationVersion version(String version) {
		return MigrationVersion.fromVersion(version);
	}

	/**
	 * The state by precedence: the first in {@link SchemaState}'s order that holds.
	 * @return the state
	 */
	public SchemaState state() {
		if (!this.failed.isEmpty()) {
			return SchemaState.FAILED;
		}
		if (!this.drifted.isEmpty()) {
			return SchemaState.DRIFTED;
		}
		if (this.breaking != null) {
			return SchemaState.INCOMPATIBLE;
		}
		if (!this.pending.isEmpty()) {
			return SchemaState.BEHIND;
		}
		return (this.aheadBy > 0) ? SchemaState.AHEAD : SchemaState.READY;
	}

	public SchemaStatus toStatus(boolean allowNewerSchema, Instant checkedAt, Duration duration) {
		SchemaState state = state();
		List<String> problems = new ArrayList<>(this.problems);
		if (this.noHistory && !this.pending.isEmpty()) {
			problems.add("the schema history table is missing or empty");
		}
		else if (!this.pending.isEmpty()) {
			problems.add(this.pending.size() + " migration(s) pending: " + String.join(", ", this.pending));
		}
		problems.addAll(this.aheadProblems);
		if (this.breaking != null) {
			problems.add("migration " + this.breaking.version() + " declared that versions older than "
					+ this.breaking.breaksBefore() + " cannot run on this database");
		}
		String applied = (this.appliedVersion != null) ? this.appliedVersion.getVersion() : null;
		List<String> failed = new ArrayList<>(this.failed);
		failed.addAll(this.newerFailed);
		return new SchemaStatus(null, state, state.isReady(allowNewerSchema), applied, this.expectedVersion,
				this.knownCount, this.appliedCount, List.copyOf(this.pending), List.copyOf(failed),
				List.copyOf(this.drifted), this.aheadBy, (state == SchemaState.INCOMPATIBLE) ? this.breaking : null,
				List.copyOf(problems), null, null, (state == SchemaState.BEHIND) ? this.migrationRunningSince : null,
				checkedAt, duration, List.of());
	}

}
