package io.schemagate.verify;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The outcome of one schema check, and whether the application may serve on it: the one
 * place that says "ready", read by startup, health, meters and logs alike.
 * <p>
 * With several targets (several {@code Flyway} beans, or targets added at runtime), each
 * target's check has a status of its own, named by {@link #target()}, and the
 * application's status is {@link #ofTargets their sum}: the worst state, ready when every
 * target is, each target's status under {@link #targets()}.
 *
 * @param target the target's name (the {@code Flyway} bean's, {@code flyway} for Spring
 * Boot's), or {@code null} for the sum of several targets or before a target is named
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
 * @param targets for the sum of several targets, each target's status, in the targets'
 * order; empty for one target's status
 */
public record SchemaStatus(@Nullable String target, SchemaState state, boolean ready, @Nullable String appliedVersion,
		@Nullable String expectedVersion, int knownCount, int appliedCount, List<String> pendingVersions,
		List<String> failedVersions, List<String> driftedVersions, int aheadBy,
		@Nullable BreakingMigration breakingMigration, List<String> problems, @Nullable String error,
		@Nullable Instant unreachableSince, @Nullable Instant migrationRunningSince, Instant checkedAt,
		Duration duration, List<SchemaStatus> targets) {

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
		return new SchemaStatus(null, SchemaState.UNREACHABLE, false, null, expectedVersion, knownCount, 0, List.of(),
				List.of(), List.of(), 0, null, List.of(error), error, null, null, checkedAt, duration, List.of());
	}

	/**
	 * The status of several targets: the worst state (in {@link SchemaState}'s order of
	 * precedence), ready when every target is, the counts summed, the lists and problems
	 * of every target with its name in front ({@code tenant_7: 4}).
	 * @param targets each target's status, named
	 * @param checkedAt when the checks began
	 * @param duration how long they took together
	 * @return the status of all of them
	 */
	public static SchemaStatus ofTargets(List<SchemaStatus> targets, Instant checkedAt, Duration duration) {
		SchemaState worst = SchemaState.READY;
		boolean ready = true;
		int known = 0;
		int applied = 0;
		int aheadBy = 0;
		List<String> pending = new ArrayList<>();
		List<String> failed = new ArrayList<>();
		List<String> drifted = new ArrayList<>();
		List<String> problems = new ArrayList<>();
		BreakingMigration breaking = null;
		String error = null;
		Instant unreachableSince = null;
		Instant migrationRunningSince = null;
		for (SchemaStatus target : targets) {
			String name = target.target() + ": ";
			worst = (target.state().ordinal() < worst.ordinal()) ? target.state() : worst;
			ready &= target.ready();
			known += target.knownCount();
			applied += target.appliedCount();
			aheadBy += target.aheadBy();
			target.pendingVersions().forEach((version) -> pending.add(name + version));
			target.failedVersions().forEach((version) -> failed.add(name + version));
			target.driftedVersions().forEach((version) -> drifted.add(name + version));
			if (!target.ready()) {
				target.problems().forEach((problem) -> problems.add(name + problem));
			}
			breaking = (breaking != null) ? breaking : target.breakingMigration();
			error = (error != null || target.error() == null) ? error : name + target.error();
			unreachableSince = earliest(unreachableSince, target.unreachableSince());
			migrationRunningSince = earliest(migrationRunningSince, target.migrationRunningSince());
		}
		return new SchemaStatus(null, worst, ready, null, null, known, applied, List.copyOf(pending),
				List.copyOf(failed), List.copyOf(drifted), aheadBy, breaking, List.copyOf(problems), error,
				unreachableSince, migrationRunningSince, checkedAt, duration, List.copyOf(targets));
	}

	private static @Nullable Instant earliest(@Nullable Instant first, @Nullable Instant second) {
		if (first == null || second == null) {
			return (first != null) ? first : second;
		}
		return first.isBefore(second) ? first : second;
	}

	/**
	 * This status for a named target.
	 * @param name the target's name
	 * @return the status, named
	 */
	public SchemaStatus withTarget(String name) {
		return new SchemaStatus(name, this.state, this.ready, this.appliedVersion, this.expectedVersion,
				this.knownCount, this.appliedCount, this.pendingVersions, this.failedVersions, this.driftedVersions,
				this.aheadBy, this.breakingMigration, this.problems, this.error, this.unreachableSince,
				this.migrationRunningSince, this.checkedAt, this.duration, this.targets);
	}

	/**
	 * The status of each target: the targets' for several, else this one.
	 * @return the statuses, in the targets' order
	 */
	public List<SchemaStatus> eachTarget() {
		return this.targets.isEmpty() ? List.of(this) : this.targets;
	}

	/**
	 * Whether waiting may make the schema ready: every target that is not ready is
	 * {@link SchemaState#isTransient() BEHIND or UNREACHABLE}.
	 * @return whether to wait
	 */
	public boolean canBecomeReady() {
		return eachTarget().stream().allMatch((target) -> target.ready() || target.state().isTransient());
	}

	/**
	 * Whether a target is in a state that stops the application under every startup
	 * policy ({@link SchemaState#isFatal()}).
	 * @return whether one is
	 */
	public boolean isFatal() {
		return eachTarget().stream().anyMatch((target) -> target.state().isFatal());
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
