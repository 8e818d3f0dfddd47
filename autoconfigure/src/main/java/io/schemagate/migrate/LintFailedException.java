package io.schemagate.migrate;

import java.util.List;

import io.schemagate.SchemagateException;

/**
 * Pending migrations break the version still running and do not declare it, and
 * {@code db.migrate.lint=fail}: nothing was applied.
 */
public class LintFailedException extends SchemagateException {

	private final List<String> warnings;

	/**
	 * Create an exception for the warnings found.
	 * @param warnings each destructive statement without a declaration: script, line,
	 * statement and the safe alternative
	 */
	public LintFailedException(List<String> warnings) {
		super(warnings.size() + " statement(s) of pending migrations break the version still running, "
				+ "and their scripts declare no 'schemagate:breaks-before'", null);
		this.warnings = List.copyOf(warnings);
	}

	@Override
	public String getDescription() {
		StringBuilder description = new StringBuilder(getMessage()).append(":\n");
		this.warnings.forEach((warning) -> description.append(" - ").append(warning).append('\n'));
		return description.append("Nothing was applied.").toString();
	}

	@Override
	public String getAction() {
		return "Change the migrations the expand/contract way shown for each statement, or, when older versions "
				+ "are to stop running once it is applied, declare it with a comment line "
				+ "'-- schemagate:breaks-before <version>' in the script. To only warn, set 'db.migrate.lint=warn'.";
	}

}
