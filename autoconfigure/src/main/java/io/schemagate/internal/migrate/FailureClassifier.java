package io.schemagate.internal.migrate;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;

import org.jspecify.annotations.Nullable;

import io.schemagate.migrate.MigrateExitCode;

/**
 * Decides whether a failed migrate run may succeed when retried: a lost connection or a
 * lock held by another job may clear by itself, a failed migration or validation does
 * not.
 */
final class FailureClassifier {

	private FailureClassifier() {
	}

	static MigrateExitCode classify(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = next(cause)) {
			if (isConnectionFailure(cause) || isLockTimeout(cause)) {
				return MigrateExitCode.RETRYABLE;
			}
		}
		return MigrateExitCode.NEEDS_ATTENTION;
	}

	private static boolean isConnectionFailure(Throwable cause) {
		if (cause instanceof SQLTransientConnectionException || cause instanceof SQLNonTransientConnectionException
				|| cause instanceof ConnectException || cause instanceof UnknownHostException) {
			return true;
		}
		// SQL state class 08: connection exception
		return cause instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08");
	}

	private static boolean isLockTimeout(Throwable cause) {
		String message = cause.getMessage();
		// Flyway: "Number of retries exceeded while attempting to acquire PostgreSQL
		// advisory lock"
		// and the MySQL named lock equivalent
		return message != null && message.contains("retries exceeded") && message.contains("lock");
	}

	private static @Nullable Throwable next(Throwable cause) {
		return (cause.getCause() != cause) ? cause.getCause() : null;
	}

}
