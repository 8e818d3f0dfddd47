package io.schemagate.internal.history;

import java.sql.DatabaseMetaData;
import java.sql.SQLException;

import org.jspecify.annotations.Nullable;

/**
 * How a database names and reads Flyway's history table, as Flyway does it there: chosen
 * once per database from its product name.
 */
enum HistoryDialect {

	/**
	 * PostgreSQL: names quoted with {@code "}, a {@code "} inside doubled. Without a
	 * configured schema Flyway reads the table in {@code current_schema()} only, where an
	 * unqualified name would find one further down the search path; and only a plain
	 * table counts. The read says which table it found, so that one statement tells both.
	 * Flyway's hint for pgpool sends the read to the primary.
	 */
	POSTGRESQL("\"", true, "/*NO LOAD BALANCE*/\n"),

	/**
	 * MySQL and MariaDB: names quoted with backticks, which Flyway does not escape.
	 */
	MYSQL("`", false, ""),

	/**
	 * H2: names quoted with {@code "}, which Flyway does not escape.
	 */
	H2("\"", false, ""),

	/**
	 * Any other database: the driver's quote, doubled inside a name.
	 */
	OTHER("\"", true, "");

	private final String quote;

	private final boolean escapes;

	private final String hint;

	HistoryDialect(String quote, boolean escapes, String hint) {
		this.quote = quote;
		this.escapes = escapes;
		this.hint = hint;
	}

	static HistoryDialect of(DatabaseMetaData metaData) throws SQLException {
		String product = metaData.getDatabaseProductName();
		if ("PostgreSQL".equals(product)) {
			return POSTGRESQL;
		}
		if ("MySQL".equals(product) || "MariaDB".equals(product)) {
			return MYSQL;
		}
		return "H2".equals(product) ? H2 : OTHER;
	}

	/**
	 * Quote a name as Flyway quotes it here.
	 * @param name the name
	 * @return the quoted name
	 * @throws UnreadableHistoryException for a name Flyway cannot quote here either
	 */
	String quote(String name) throws UnreadableHistoryException {
		if (name.contains(this.quote)) {
			if (!this.escapes) {
				throw new UnreadableHistoryException("the name '" + name + "' holds " + this.quote
						+ ", which Flyway does not escape on this database, so it cannot read the table either");
			}
			return this.quote + name.replace(this.quote, this.quote + this.quote) + this.quote;
		}
		return this.quote + name + this.quote;
	}

	/**
	 * The statement that reads a table's rows, with, on PostgreSQL, a last column that
	 * says whether the table read is the one Flyway reads.
	 * @param table the table
	 * @param columns the columns, in order
	 * @param where a condition, or {@code null}
	 * @param orderBy the column to order by, or {@code null}
	 * @return the statement
	 * @throws UnreadableHistoryException for a name Flyway cannot quote here either
	 */
	String select(QualifiedTable table, String[] columns, @Nullable String where, @Nullable String orderBy)
			throws UnreadableHistoryException {
		StringBuilder select = new StringBuilder(this.hint).append("SELECT ");
		for (int i = 0; i < columns.length; i++) {
			select.append((i > 0) ? ", " : "").append(quote(columns[i]));
		}
		String name = name(table);
		if (this == POSTGRESQL) {
			// not correlated with the rows (h.tableoid), so the server looks once, not
			// once per row; to_regclass finds the relation the FROM clause reads, by the
			// same name and search path
			select.append(", (SELECT c.relkind = 'r'")
				.append((table.schema() != null) ? "" : " AND n.nspname = current_schema()")
				.append(" FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace")
				.append(" WHERE c.oid = to_regclass('")
				.append(name.replace("'", "''"))
				.append("'))");
		}
		select.append(" FROM ").append(name).append(" h");
		if (where != null) {
			select.append(" WHERE ").append(where);
		}
		if (orderBy != null) {
			select.append(" ORDER BY ").append(quote(orderBy));
		}
		return select.toString();
	}

	/**
	 * Whether the reads here end with a column saying whether the table is Flyway's.
	 * @return whether {@link #select} adds that column
	 */
	boolean checksTheTable() {
		return this == POSTGRESQL;
	}

	/**
	 * The qualified, quoted name of a table.
	 * @param table the table
	 * @return the name for SQL
	 * @throws UnreadableHistoryException for a name Flyway cannot quote here either
	 */
	String name(QualifiedTable table) throws UnreadableHistoryException {
		String name = quote(table.table());
		return (table.schema() != null) ? quote(table.schema()) + "." + name : name;
	}

}
