package io.schemagate.internal.history;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.configuration.Configuration;
import org.jspecify.annotations.Nullable;

/**
 * Reads Flyway's schema history table with a single {@code SELECT}: no metadata queries,
 * no locks, no writes, so a role that may only read the table can run it.
 */
public class SchemaHistoryReader {

	private static final String[] COLUMNS = { "installed_rank", "version", "description", "type", "script", "checksum",
			"success" };

	private final QualifiedTable table;

	private volatile @Nullable String sql;

	/**
	 * Create a reader for a history table.
	 * @param schema the schema holding the table, or {@code null} for the connection's
	 * current schema
	 * @param table the table name, as Flyway created it
	 */
	public SchemaHistoryReader(@Nullable String schema, String table) {
		this.table = new QualifiedTable(schema, table);
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
	 * @return the rows, or {@code null} when the table (or its schema) does not exist
	 * @throws SQLException when the table exists but cannot be read
	 */
	public @Nullable List<AppliedMigration> read(Connection connection, int timeoutSeconds) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			if (timeoutSeconds > 0) {
				statement.setQueryTimeout(timeoutSeconds);
			}
			try (ResultSet rows = statement.executeQuery(sql(connection))) {
				List<AppliedMigration> history = new ArrayList<>();
				while (rows.next()) {
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

	private String sql(Connection connection) throws SQLException {
		String sql = this.sql;
		if (sql == null) {
			String quote = connection.getMetaData().getIdentifierQuoteString().trim();
			StringBuilder select = new StringBuilder("SELECT ");
			for (int i = 0; i < COLUMNS.length; i++) {
				select.append((i > 0) ? ", " : "").append(QualifiedTable.quote(quote, COLUMNS[i]));
			}
			select.append(" FROM ").append(this.table.sqlName(connection.getMetaData()));
			sql = select.append(" ORDER BY ").append(QualifiedTable.quote(quote, COLUMNS[0])).toString();
			this.sql = sql;
		}
		return sql;
	}

	private static AppliedMigration row(ResultSet rows) throws SQLException {
		String version = rows.getString(2);
		int checksum = rows.getInt(6);
		Integer checksumOrNull = rows.wasNull() ? null : checksum;
		return new AppliedMigration(rows.getInt(1), (version != null) ? MigrationVersion.fromVersion(version) : null,
				nonNull(rows.getString(3)), nonNull(rows.getString(4)), nonNull(rows.getString(5)), checksumOrNull,
				rows.getBoolean(7));
	}

	private static String nonNull(@Nullable String value) {
		return (value != null) ? value : "";
	}

}
