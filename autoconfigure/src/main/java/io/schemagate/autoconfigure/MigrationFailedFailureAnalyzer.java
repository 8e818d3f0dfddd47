package io.schemagate.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

import io.schemagate.migrate.MigrationFailedException;

/**
 * Reports a failed migration (with {@code db.migrate.exit=false}) as "Description" and
 * "Action".
 */
class MigrationFailedFailureAnalyzer extends AbstractFailureAnalyzer<MigrationFailedException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, MigrationFailedException cause) {
		return new FailureAnalysis(cause.getDescription(), cause.getAction(), cause);
	}

}
