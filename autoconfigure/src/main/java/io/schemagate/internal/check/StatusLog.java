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

	static void changed(@Nullable SchemaStatus previous, SchemaStatus status, Duration grace) {
		if (status.ready() && (previous == null || !previous.ready())) {
			success(status);
		}
		if (previous != null && previous.state() != status.state()) {
			String message = "Database schema state changed from " + previous.state() + " to " + status.summary();
			if (status.ready()) {
				logger.info(message);
			}
			else {
				logger.warn(message);
			}
		}
		boolean wasUnreachable = previous != null && previous.unreachableSince() != null;
		if (status.unreachableSince() != null && !wasUnreachable) {
			logger.warn("Database schema check could not reach the database (" + status.error() + "); state "
					+ status.state() + " and readiness are kept for up to " + grace.toSeconds()
					+ "s while checks go on");
		}
		else if (wasUnreachable && status.unreachableSince() == null && status.state() != SchemaState.UNREACHABLE) {
			logger.info("Database reachable again: schema state " + status.state());
		}
		if (status.migrationInProgress() && (previous == null || !previous.migrationInProgress())) {
			logger.info("A migration is running (since " + status.migrationRunningSince()
					+ "); the schema is expected to be ready once the migration job ends");
		}
		if (status.state() == SchemaState.AHEAD && !status.failedVersions().isEmpty()
				&& (previous == null || !Objects.equals(previous.failedVersions(), status.failedVersions()))) {
			logger.warn("A newer version's migration failed (" + String.join(", ", status.failedVersions())
					+ "); that version reports it, this one keeps serving");
		}
	}

	private static void success(SchemaStatus status) {
		String ahead = (status.aheadBy() > 0) ? ", " + status.aheadBy() + " newer migration(s) applied" : "";
		logger.info("Database verification successful: schema version " + status.appliedVersion() + ", "
				+ status.appliedCount() + " migration(s) applied" + ahead + " (checked in "
				+ status.duration().toMillis() + " ms)");
	}

}
