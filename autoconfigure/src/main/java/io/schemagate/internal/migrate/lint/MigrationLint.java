package io.schemagate.internal.migrate.lint;

import java.util.ArrayList;
import java.util.List;

import io.schemagate.internal.migrate.lint.Hazard.Finding;

/**
 * Reads a pending versioned SQL migration for statements that break the application
 * version still running: dropped or renamed tables and columns, changed column types, NOT
 * NULL without a default, dropped views. Only SQL counts: comments, strings, quoted
 * identifiers and dollar-quoted bodies are skipped. A script that declares the break with
 * {@code -- schemagate:breaks-before <version>} is not read further.
 */
public final class MigrationLint {

	private static final int STATEMENT_LENGTH = 100;

	private MigrationLint() {
	}

	/**
	 * Find the destructive statements of one script.
	 * @param script the script's name, for the warnings
	 * @param sql the script's content
	 * @param dialect the dialect of the database the script runs on
	 * @return the warnings in the order of the script, one per destructive action; empty
	 * when the script has a breaks-before declaration
	 * @throws IllegalArgumentException when the script's breaks-before declaration is
	 * malformed, as {@link BreakingDeclaration#parse} does
	 */
	public static List<LintWarning> check(String script, String sql, SqlDialect dialect) {
		SqlScript parsed = SqlScript.parse(sql, dialect);
		if (BreakingDeclaration.find(script, parsed.comments()) != null) {
			return List.of();
		}
		DestructiveStatements statements = new DestructiveStatements(dialect);
		List<LintWarning> warnings = new ArrayList<>();
		for (SqlScript.Statement statement : parsed.statements()) {
			for (Finding finding : statements.find(statement.tokens())) {
				warnings.add(new LintWarning(script, statement.line(), shorten(statement.text()), finding.problem(),
						finding.hazard().alternative()));
			}
		}
		return List.copyOf(warnings);
	}

	private static String shorten(String statement) {
		String collapsed = statement.strip().replaceAll("\\s+", " ");
		return (collapsed.length() <= STATEMENT_LENGTH) ? collapsed
				: collapsed.substring(0, STATEMENT_LENGTH - 3) + "...";
	}

}
