package io.schemagate.internal.check;

import java.time.Duration;
import java.util.Objects;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import io.schemagate.verify.SchemaState;
import io.schemagate.verify.SchemaStatus;

/**
 * What a check that changed something says in the log: the schema turning ready, a state
 * change, an outage kept within the unreachable grace, a newer version's failed
 * migration.
 */
final class StatusLog {

	private static final Log logger = LogFactory.getLog(SchemaMonitor.class);

	private StatusLog() {
	}

	/**
	 * Log what changed between two checks of a target.
	 * @param previous the previous status, if any
	 * @param status the new one
	 * @param grace the unreachable grace
	 * @param target the target's name when there are several, for every line
	 */
	static void changed(@Nullable SchemaStatus previous, SchemaStatus status, Duration grace, @Nullable String target) {
		String prefix = (target != null) ? "Target '" + target + "': " : "";
		if (status.ready() && (previous == null || !previous.ready())) {
			success(prefix, status);
		}
		if (previous != null && previous.state() != status.state()) {
			String message = prefix + "Database schema state changed from " + previous.state() + " to "
					+ status.summary();
			if (status.ready()) {
				logger.info(message);
			}
			else {
				logger.warn(message);
			}
		}
		boolean wasUnreachable = previous != null && previous.unreachableSince() != null;
		if (status.unreachableSince() != null && !wasUnreachable) {
			logger.warn(prefix + "Database schema check could not reach the database (" + status.error() + "); state "
					+ status.state() + " and readiness are kept for up to " + grace.toSeconds()
					+ "s while checks go on");
		}
		else if (wasUnreachable && status.unreachableSince() == null && status.state() != SchemaState.UNREACHABLE) {
			logger.info(prefix + "Database reachable again: schema state " + status.state());
		}
		if (status.migrationInProgress() && (previous == null || !previous.migrationInProgress())) {
			logger.info(prefix + "A migration is running (since " + status.migrationRunningSince()
					+ "); the schema is expected to be ready once the migration job ends");
		}
		if (status.state() == SchemaState.AHEAD && !status.failedVersions().isEmpty()
				&& (previous == null || !Objects.equals(previous.failedVersions(), status.failedVersions()))) {
			logger.warn(prefix + "A newer version's migration failed (" + String.join(", ", status.failedVersions())
					+ "); that version reports it, this one keeps serving");
		}
	}

	/**
	 * One line per target that turns ready; with several targets at debug level, as the
	 * startup says it once for all of them.
	 */
	private static void success(String prefix, SchemaStatus status) {
		String ahead = (status.aheadBy() > 0) ? ", " + status.aheadBy() + " newer migration(s) applied" : "";
		String message = prefix + "Database verification successful: schema version " + status.appliedVersion() + ", "
				+ status.appliedCount() + " migration(s) applied" + ahead + " (checked in "
				+ status.duration().toMillis() + " ms)";
		if (prefix.isEmpty()) {
			logger.info(message);
		}
		else {
			logger.debug(message);
		}
	}

}
