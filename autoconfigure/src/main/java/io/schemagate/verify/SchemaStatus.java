package io.schemagate.verify;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The outcome of one schema check, and whether the application may serve on it: the one
 * place that says "ready", read by startup, health, meters and logs alike.
 *
 * @param state the state
 * @param ready whether the application may serve traffic
 * @param appliedVersion the newest successfully applied version, if any
 * @param expectedVersion the newest version the application knows, if any
 * @param knownCount how many migrations the application knows
 * @param appliedCount how many migrations the history records as applied successfully
 * @param pendingVersions migrations the application knows that are not applied (versions,
 * or {@code R:description} for repeatables)
 * @param failedVersions migrations the history records as failed, including a newer
 * version's
 * @param driftedVersions applied migrations that differ from the application's copy or
 * are missing locally
 * @param aheadBy how many applied migrations a newer version of the application made
 * @param breakingMigration for {@link SchemaState#INCOMPATIBLE}, the newer migration that
 * declared it breaks this application
 * @param problems one line per finding, for reports and logs
 * @param error why the database could not be read, for {@link SchemaState#UNREACHABLE}
 * and while the unreachable grace runs
 * @param unreachableSince while the unreachable grace runs, since when the database could
 * not be reached (the state and readiness are the last ones found)
 * @param migrationRunningSince for {@link SchemaState#BEHIND}, since when a migrate job
 * holds Flyway's lock, if one did at the check (as the database tells, else since a check
 * first saw it)
 * @param checkedAt when the check ran
 * @param duration how long the check took
 */
public record SchemaStatus(SchemaState state, boolean ready, @Nullable String appliedVersion,
		@Nullable String expectedVersion, int knownCount, int appliedCount, List<String> pendingVersions,
		List<String> failedVersions, List<String> driftedVersions, int aheadBy,
		@Nullable BreakingMigration breakingMigration, List<String> problems, @Nullable String error,
		@Nullable Instant unreachableSince, @Nullable Instant migrationRunningSince, Instant checkedAt,
		Duration duration) {

	/**
	 * Create a status for a database that could not be read.
	 * @param error why, without credentials or SQL
	 * @param expectedVersion the newest version the application knows, if any
	 * @param knownCount how many migrations the application knows
	 * @param checkedAt when the check started
	 * @param duration how long it took
	 * @return the status
	 */
	public static SchemaStatus unreachable(String error, @Nullable String expectedVersion, int knownCount,
			Instant checkedAt, Duration duration) {
		return new SchemaStatus(SchemaState.UNREACHABLE, false, null, expectedVersion, knownCount, 0, List.of(),
				List.of(), List.of(), 0, null, List.of(error), error, null, null, checkedAt, duration);
	}

	/**
	 * Whether a migrate job held Flyway's lock at a check that found the schema behind.
	 * @return whether a migration is in progress
	 */
	public boolean migrationInProgress() {
		return this.migrationRunningSince != null;
	}

	/**
	 * The number of pending migrations.
	 * @return the count
	 */
	public int pending() {
		return this.pendingVersions.size();
	}

	/**
	 * The state and what was found, for logs:
	 * {@code BEHIND: 2 migration(s) pending: 4, 5}.
	 * @return the summary
	 */
	public String summary() {
		return this.state + (this.problems.isEmpty() ? "" : ": " + String.join("; ", this.problems));
	}

}
