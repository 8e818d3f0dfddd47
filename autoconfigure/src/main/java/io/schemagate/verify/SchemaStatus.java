package io.schemagate.verify;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The outcome of one schema check.
 *
 * @param state the state
 * @param appliedVersion the newest successfully applied version, if any
 * @param expectedVersion the newest version the application knows, if any
 * @param knownCount how many migrations the application knows
 * @param appliedCount how many migrations the history records as applied successfully
 * @param pendingVersions migrations the application knows that are not applied (versions,
 * or {@code R:description} for repeatables)
 * @param failedVersions migrations the history records as failed
 * @param driftedVersions applied migrations that differ from the application's copy or
 * are missing locally
 * @param aheadBy how many applied migrations are newer than any the application knows
 * @param problems one line per finding, for reports and logs
 * @param error why the database could not be read, for {@link SchemaState#UNREACHABLE}
 * @param checkedAt when the check ran
 * @param duration how long the check took
 */
public record SchemaStatus(SchemaState state, @Nullable String appliedVersion, @Nullable String expectedVersion,
		int knownCount, int appliedCount, List<String> pendingVersions, List<String> failedVersions,
		List<String> driftedVersions, int aheadBy, List<String> problems, @Nullable String error, Instant checkedAt,
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
		return new SchemaStatus(SchemaState.UNREACHABLE, null, expectedVersion, knownCount, 0, List.of(), List.of(),
				List.of(), 0, List.of(error), error, checkedAt, duration);
	}

	/**
	 * Whether an application may serve traffic with this status.
	 * @param allowNewerSchema whether {@link SchemaState#AHEAD} counts as ready
	 * @return whether the schema is ready
	 */
	public boolean isReady(boolean allowNewerSchema) {
		return this.state.isReady(allowNewerSchema);
	}

	/**
	 * The number of pending migrations.
	 * @return the count
	 */
	public int pending() {
		return this.pendingVersions.size();
	}

	SchemaStatus at(Instant checkedAt, Duration duration) {
		return new SchemaStatus(this.state, this.appliedVersion, this.expectedVersion, this.knownCount,
				this.appliedCount, this.pendingVersions, this.failedVersions, this.driftedVersions, this.aheadBy,
				this.problems, this.error, checkedAt, duration);
	}

}
