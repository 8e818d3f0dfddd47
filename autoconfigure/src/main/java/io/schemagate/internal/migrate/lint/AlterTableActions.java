package io.schemagate.internal.migrate.lint;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.schemagate.internal.migrate.lint.Hazard.Finding;

import static io.schemagate.internal.migrate.lint.DestructiveStatements.orUnknown;

/**
 * Finds the hazards among the actions of one {@code ALTER TABLE}, read one by one between
 * the commas outside parentheses.
 */
final class AlterTableActions {

	/**
	 * What may follow {@code DROP} or {@code ADD} without {@code COLUMN} and is no
	 * column.
	 */
	private static final Set<String> NOT_COLUMNS = Set.of("CONSTRAINT", "PRIMARY", "UNIQUE", "FOREIGN", "CHECK",
			"INDEX", "KEY", "FULLTEXT", "SPATIAL", "DEFAULT", "PARTITION", "EXCLUDE", "PERIOD", "SYSTEM");

	private static final Set<String> NOT_RENAMED_COLUMNS = Set.of("CONSTRAINT", "INDEX", "KEY");

	private static final Set<String> NOT_ALTERED_COLUMNS = Set.of("CONSTRAINT", "INDEX", "CHECK");

	/**
	 * How a column gets a value when a writer leaves it out.
	 */
	private static final Set<String> VALUE_SOURCES = Set.of("DEFAULT", "GENERATED", "AS", "AUTO_INCREMENT",
			"AUTOINCREMENT", "IDENTITY", "SERIAL", "SMALLSERIAL", "BIGSERIAL", "SERIAL2", "SERIAL4", "SERIAL8");

	/**
	 * What may follow {@code ALTER COLUMN c} on H2 other than a new data type.
	 */
	private static final Set<String> H2_COLUMN_CHANGES = Set.of("SET", "DROP", "RESTART", "SELECTIVITY", "RENAME",
			"TYPE", "ADD");

	private final SqlDialect dialect;

	private final String table;

	private final List<Finding> findings = new ArrayList<>();

	AlterTableActions(SqlDialect dialect, String table) {
		this.dialect = dialect;
		this.table = table;
	}

	List<Finding> find(TokenRange actions) {
		boolean droppingColumns = false;
		for (TokenRange action : actions.split()) {
			// H2 drops several columns in one action: DROP COLUMN a, b
			boolean nextDroppedColumn = droppingColumns && this.dialect == SqlDialect.H2 && action.remaining() == 1;
			droppingColumns = (nextDroppedColumn || action.accept("DROP")) ? dropColumns(action) : examine(action);
		}
		return this.findings;
	}

	private boolean examine(TokenRange action) {
		if (action.accept("RENAME")) {
			rename(action);
		}
		else if (action.accept("ALTER")) {
			alter(action);
		}
		else if (action.accept("ADD")) {
			add(action);
		}
		else if (action.accept("MODIFY")) {
			action.accept("COLUMN");
			action.accept("IF", "EXISTS");
			this.findings.add(Hazard.REDEFINE_COLUMN.found(this.table, orUnknown(action.name())));
		}
		else if (action.accept("CHANGE")) {
			change(action);
		}
		return false;
	}

	/**
	 * Read what follows {@code DROP}.
	 * @return whether it dropped columns
	 */
	private boolean dropColumns(TokenRange action) {
		if (!action.accept("COLUMN") && action.nextIsAny(NOT_COLUMNS)) {
			return false;
		}
		action.accept("IF", "EXISTS");
		TokenRange columns = action.nextIsSymbol('(') ? action.parenthesized() : action;
		for (TokenRange column : columns.split()) {
			String name = column.name();
			if (name != null) {
				this.findings.add(Hazard.DROP_COLUMN.found(this.table, name));
			}
		}
		return true;
	}

	private void rename(TokenRange action) {
		boolean column = action.accept("COLUMN");
		if (!column && action.nextIsAny(NOT_RENAMED_COLUMNS)) {
			return;
		}
		if (!column && (action.accept("TO") || action.accept("AS"))) {
			this.findings.add(Hazard.RENAME_TABLE.found(this.table, orUnknown(action.name())));
			return;
		}
		String from = action.name();
		if (action.accept("TO")) {
			this.findings.add(Hazard.RENAME_COLUMN.found(this.table, orUnknown(from), orUnknown(action.name())));
		}
		else if (!column && from != null) {
			// MySQL's TO is optional: RENAME new_name
			this.findings.add(Hazard.RENAME_TABLE.found(this.table, from));
		}
	}

	private void alter(TokenRange action) {
		if (action.nextIsAny(NOT_ALTERED_COLUMNS)) {
			return;
		}
		action.accept("COLUMN");
		action.accept("IF", "EXISTS");
		String column = action.name();
		if (column == null) {
			return;
		}
		if (action.accept("TYPE") || action.accept("SET", "DATA", "TYPE")) {
			this.findings.add(Hazard.CHANGE_TYPE.found(this.table, column));
		}
		else if (action.accept("SET", "NOT", "NULL")) {
			this.findings.add(Hazard.SET_NOT_NULL.found(this.table, column));
		}
		else if (action.accept("RENAME", "TO")) {
			this.findings.add(Hazard.RENAME_COLUMN.found(this.table, column, orUnknown(action.name())));
		}
		else if (this.dialect == SqlDialect.H2 && !action.atEnd() && !action.nextIsAny(H2_COLUMN_CHANGES)) {
			// H2's ALTER COLUMN c <data type> restates the whole column
			this.findings.add(Hazard.REDEFINE_COLUMN.found(this.table, column));
		}
	}

	private void add(TokenRange action) {
		if (!action.accept("COLUMN") && action.nextIsAny(NOT_COLUMNS)) {
			return;
		}
		action.accept("IF", "NOT", "EXISTS");
		TokenRange definitions = action.nextIsSymbol('(') ? action.parenthesized() : action;
		for (TokenRange definition : definitions.split()) {
			String column = definition.nextIsAny(NOT_COLUMNS) ? null : definition.name();
			if (column != null && definition.contains("NOT", "NULL") && !definition.containsAny(VALUE_SOURCES)) {
				this.findings.add(Hazard.ADD_NOT_NULL.found(this.table, column));
			}
		}
	}

	private void change(TokenRange action) {
		action.accept("COLUMN");
		action.accept("IF", "EXISTS");
		SqlToken from = action.identifier();
		SqlToken to = action.identifier();
		if (from == null) {
			return;
		}
		if (to != null && !from.identifier().equalsIgnoreCase(to.identifier())) {
			this.findings.add(Hazard.RENAME_COLUMN.found(this.table, from.text(), to.text()));
		}
		else {
			this.findings.add(Hazard.REDEFINE_COLUMN.found(this.table, from.text()));
		}
	}

}
