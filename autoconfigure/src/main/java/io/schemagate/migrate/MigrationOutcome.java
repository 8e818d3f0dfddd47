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
 */
public record MigrationOutcome(MigrateExitCode exitCode, int applied, @Nullable String initialVersion,
		@Nullable String version, Duration duration, @Nullable Throwable failure) {

	/**
	 * Whether the run succeeded.
	 * @return {@code true} for {@link MigrateExitCode#SUCCESS}
	 */
	public boolean isSuccess() {
		return this.exitCode == MigrateExitCode.SUCCESS;
	}

}
