package io.schemagate.internal.migrate.lint;

/**
 * A statement of a pending migration that breaks the application version still running,
 * with the expand/contract way to the same schema.
 *
 * @param script the script's name
 * @param line the 1-based line the statement starts on
 * @param statement the statement, whitespace collapsed and shortened to about 100
 * characters
 * @param problem what the statement does and what breaks for the running version
 * @param alternative the safe way to the same schema
 */
public record LintWarning(String script, int line, String statement, String problem, String alternative) {

	/**
	 * The warning as one log line.
	 * @return the script, line, statement, problem and alternative in one sentence
	 */
	public String message() {
		return String.format("%s, line %d: '%s' %s; instead, %s", this.script, this.line, this.statement, this.problem,
				this.alternative);
	}

}
