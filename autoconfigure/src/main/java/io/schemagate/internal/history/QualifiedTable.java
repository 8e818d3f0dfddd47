package io.schemagate.internal.history;

import java.sql.SQLException;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * A table in the schema that holds Flyway's history: the history itself, or Schemagate's
 * compatibility table beside it.
 *
 * @param schema the schema, or {@code null} for the connection's current schema
 * @param table the table name
 */
record QualifiedTable(@Nullable String schema, String table) {

	/**
	 * SQL states meaning "no such table or schema" on PostgreSQL ({@code 42P01},
	 * {@code 3F000}), MySQL and MariaDB ({@code 42S02}) and H2 ({@code 42S02},
	 * {@code 42S04}, {@code 90079}).
	 */
	private static final Set<String> MISSING_TABLE_STATES = Set.of("42P01", "3F000", "42S02", "42S04", "90079");

	private static final int MYSQL_UNKNOWN_DATABASE = 1049;

	/**
	 * The same schema, another table.
	 * @param table the table name
	 * @return the table beside this one
	 */
	QualifiedTable beside(String table) {
		return new QualifiedTable(this.schema, table);
	}

	/**
	 * The name for messages.
	 * @return {@code schema.table}, or the table alone
	 */
	String displayName() {
		return (this.schema != null) ? this.schema + "." + this.table : this.table;
	}

	/**
	 * Whether a failure says the table or its schema does not exist.
	 * @param ex the failure
	 * @return whether the table is missing
	 */
	static boolean isMissing(SQLException ex) {
		String state = ex.getSQLState();
		return (state != null && MISSING_TABLE_STATES.contains(state)) || ex.getErrorCode() == MYSQL_UNKNOWN_DATABASE;
	}

}
