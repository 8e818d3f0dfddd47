package io.schemagate.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

import io.schemagate.SchemagateException;
import io.schemagate.internal.Messages;

/**
 * Reports Schemagate's startup failures (a schema that is not ready, a failed migration,
 * no migrations found) as "Description" and "Action".
 */
class SchemagateFailureAnalyzer extends AbstractFailureAnalyzer<SchemagateException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, SchemagateException cause) {
		return new FailureAnalysis(Messages.sanitize(cause.getDescription()), Messages.sanitize(cause.getAction()),
				cause);
	}

}
