package io.schemagate.internal.migrate.lint;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import io.schemagate.internal.migrate.lint.Hazard.Finding;

/**
 * Finds the hazards of one statement from its leading keywords: dropped tables and views,
 * renamed tables, and the actions of {@code ALTER TABLE}. Statements nested in a routine
 * body are strings to the lexer and never reach here.
 */
final class DestructiveStatements {

	private final SqlDialect dialect;

	DestructiveStatements(SqlDialect dialect) {
		this.dialect = dialect;
	}

	List<Finding> find(List<SqlToken> tokens) {
		TokenRange statement = new TokenRange(tokens);
		if (statement.accept("DROP", "TABLE")) {
			return dropped(statement, Hazard.DROP_TABLE);
		}
		if (statement.accept("DROP", "VIEW") || statement.accept("DROP", "MATERIALIZED", "VIEW")) {
			return dropped(statement, Hazard.DROP_VIEW);
		}
		if (statement.accept("RENAME", "TABLE") || statement.accept("RENAME", "TABLES")) {
			return renamedTables(statement);
		}
		if (statement.accept("ALTER")) {
			// MySQL and MariaDB options between ALTER and TABLE
			statement.accept("ONLINE");
			statement.accept("IGNORE");
			if (statement.accept("TABLE")) {
				return alteredTable(statement);
			}
		}
		return List.of();
	}

	private List<Finding> dropped(TokenRange statement, Hazard hazard) {
		statement.accept("IF", "EXISTS");
		List<Finding> findings = new ArrayList<>();
		for (TokenRange part : statement.split()) {
			String name = part.name();
			if (name != null) {
				findings.add(hazard.found(name));
			}
		}
		return findings;
	}

	private List<Finding> renamedTables(TokenRange statement) {
		statement.accept("IF", "EXISTS");
		List<Finding> findings = new ArrayList<>();
		for (TokenRange part : statement.split()) {
			String from = part.name();
			if (from != null && part.accept("TO")) {
				findings.add(Hazard.RENAME_TABLE.found(from, orUnknown(part.name())));
			}
		}
		return findings;
	}

	private List<Finding> alteredTable(TokenRange statement) {
		statement.accept("IF", "EXISTS");
		statement.accept("ONLY");
		String table = statement.name();
		if (table == null) {
			return List.of();
		}
		// PostgreSQL's "t *" names the table and its descendants
		statement.acceptSymbol('*');
		return new AlterTableActions(this.dialect, table).find(statement);
	}

	static String orUnknown(@Nullable String name) {
		return (name != null) ? name : "?";
	}

}
