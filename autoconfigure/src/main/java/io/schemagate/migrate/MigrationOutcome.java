package io.schemagate.migrate;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * What one migrate run did.
 *
 * @param exitCode how the run ended
 * @param applied how many migrations were applied
 * @param initialVersion the schema version before, if any
 * @param version the schema version after, if any
 * @param duration how long the run took
 * @param failure why it failed, for a failed run
 * @param target the target migrated, when the application has several; {@code null} for
 * its one target
 */
public record MigrationOutcome(MigrateExitCode exitCode, int applied, @Nullable String initialVersion,
		@Nullable String version, Duration duration, @Nullable Throwable failure, @Nullable String target) {

	/**
	 * Create the outcome of a run on the application's one target.
	 * @param exitCode how the run ended
	 * @param applied how many migrations were applied
	 * @param initialVersion the schema version before, if any
	 * @param version the schema version after, if any
	 * @param duration how long the run took
	 * @param failure why it failed, for a failed run
	 */
	public MigrationOutcome(MigrateExitCode exitCode, int applied, @Nullable String initialVersion,
			@Nullable String version, Duration duration, @Nullable Throwable failure) {
		this(exitCode, applied, initialVersion, version, duration, failure, null);
	}

	/**
	 * This outcome for a named target.
	 * @param name the target's name
	 * @return the outcome, named
	 */
	public MigrationOutcome withTarget(String name) {
		return new MigrationOutcome(this.exitCode, this.applied, this.initialVersion, this.version, this.duration,
				this.failure, name);
	}

	/**
	 * Whether the run succeeded.
	 * @return {@code true} for {@link MigrateExitCode#SUCCESS}
	 */
	public boolean isSuccess() {
		return this.exitCode == MigrateExitCode.SUCCESS;
	}

}
