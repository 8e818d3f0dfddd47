package io.schemagate.internal.history;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.flywaydb.core.api.configuration.Configuration;
import org.jspecify.annotations.Nullable;

/**
 * Reads Flyway's schema history table with a single {@code SELECT}: no metadata queries,
 * no locks, no writes, so a role that may only read the table can run it. The table read
 * is the one Flyway reads: named and quoted as Flyway does on the database, without
 * Flyway's marker rows of negative rank, and on PostgreSQL only the table in the current
 * schema when no schema is configured.
 */
public class SchemaHistoryReader {

	private static final String[] COLUMNS = { "installed_rank", "version", "description", "type", "script", "checksum",
			"success" };

	private final QualifiedTable table;

	private volatile @Nullable Statements statements;

	private final ParsedVersions versions;

	/**
	 * Create a reader for a history table.
	 * @param schema the schema holding the table, or {@code null} for the connection's
	 * current schema
	 * @param table the table name, as Flyway created it
	 */
	public SchemaHistoryReader(@Nullable String schema, String table) {
		this(schema, table, new ParsedVersions(List.of()));
	}

	/**
	 * Create a reader for a history table that parses versions with others.
	 * @param schema the schema holding the table, or {@code null} for the connection's
	 * current schema
	 * @param table the table name, as Flyway created it
	 * @param versions the versions parsed so far, shared with other readers
	 */
	public SchemaHistoryReader(@Nullable String schema, String table, ParsedVersions versions) {
		this.table = new QualifiedTable(schema, table);
		this.versions = versions;
	}

	/**
	 * The schema Flyway keeps its history in, as Flyway picks it: the default schema,
	 * else the first of the schemas it manages.
	 * @param configuration the Flyway configuration
	 * @return the schema, or {@code null} for the connection's current schema
	 */
	public static @Nullable String historySchema(Configuration configuration) {
		if (configuration.getDefaultSchema() != null) {
			return configuration.getDefaultSchema();
		}
		return (configuration.getSchemas().length > 0) ? configuration.getSchemas()[0] : null;
	}

	/**
	 * The schema of the history table.
	 * @return the schema, or {@code null} for the connection's current schema
	 */
	public @Nullable String schema() {
		return this.table.schema();
	}

	/**
	 * The table's name, unqualified.
	 * @return the table name
	 */
	public String table() {
		return this.table.table();
	}

	/**
	 * The table's name for messages.
	 * @return the qualified table name
	 */
	public String tableName() {
		return this.table.displayName();
	}

	/**
	 * Read every row, in the order applied.
	 * @param connection the connection to read with
	 * @param timeoutSeconds the query timeout, or 0 for none
	 * @return the rows, or {@code null} when Flyway's table (or its schema) does not
	 * exist
	 * @throws SQLException when the table exists but cannot be read
	 */
	public @Nullable List<AppliedMigration> read(Connection connection, int timeoutSeconds) throws SQLException {
		Statements statements = statements(connection);
		try (Statement statement = connection.createStatement()) {
			if (timeoutSeconds > 0) {
				statement.setQueryTimeout(timeoutSeconds);
			}
			try (ResultSet rows = statement.executeQuery(statements.select())) {
				List<AppliedMigration> history = new ArrayList<>();
				while (rows.next()) {
					if (statements.dialect().checksTheTable() && !rows.getBoolean(COLUMNS.length + 1)) {
						// an unqualified name found a table Flyway does not read
						return null;
					}
					history.add(row(rows));
				}
				return history;
			}
		}
		catch (SQLException ex) {
			if (QualifiedTable.isMissing(ex)) {
				return null;
			}
			throw ex;
		}
	}

	/**
	 * The dialect and statement, found on the first read.
	 */
	private Statements statements(Connection connection) throws SQLException {
		Statements statements = this.statements;
		if (statements == null) {
			HistoryDialect dialect = HistoryDialect.of(connection.getMetaData());
			statements = new Statements(dialect,
					dialect.select(this.table, COLUMNS, dialect.quote(COLUMNS[0]) + " > -1", COLUMNS[0]));
			this.statements = statements;
		}
		return statements;
	}

	private AppliedMigration row(ResultSet rows) throws SQLException {
		String version = rows.getString(2);
		int checksum = rows.getInt(6);
		Integer checksumOrNull = rows.wasNull() ? null : checksum;
		return new AppliedMigration(rows.getInt(1), (version != null) ? this.versions.of(version) : null,
				nonNull(rows.getString(3)), nonNull(rows.getString(4)), nonNull(rows.getString(5)), checksumOrNull,
				rows.getBoolean(7));
	}

	private static String nonNull(@Nullable String value) {
		return (value != null) ? value : "";
	}

	private record Statements(HistoryDialect dialect, String select) {

	}

}
