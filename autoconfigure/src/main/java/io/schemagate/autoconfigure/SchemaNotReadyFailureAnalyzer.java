package io.schemagate.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

import io.schemagate.verify.SchemaNotReadyException;

/**
 * Reports a schema that is not ready at startup as "Description" and "Action".
 */
class SchemaNotReadyFailureAnalyzer extends AbstractFailureAnalyzer<SchemaNotReadyException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, SchemaNotReadyException cause) {
		return new FailureAnalysis(cause.getDescription(), cause.getAction(), cause);
	}

}
