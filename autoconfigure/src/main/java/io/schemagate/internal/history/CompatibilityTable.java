package io.schemagate.internal.history;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import io.schemagate.verify.BreakingMigration;

/**
 * Schemagate's {@code schemagate_compatibility} table, beside Flyway's schema history:
 * one row per applied migration that declared {@code -- schemagate:breaks-before}. The
 * migration job creates it and records declarations; verify reads it, and only when the
 * database is ahead of the application, so an ordinary check stays one statement. A
 * missing table means no declarations.
 */
public final class CompatibilityTable {

	/**
	 * The table's name.
	 */
	public static final String NAME = "schemagate_compatibility";

	private static final String INTEGRITY_VIOLATION_CLASS = "23";

	private final QualifiedTable table;

	/**
	 * Create the table's handle.
	 * @param historySchema the schema of Flyway's history, or {@code null} for the
	 * connection's current schema
	 */
	public CompatibilityTable(@Nullable String historySchema) {
		this.table = new QualifiedTable(historySchema, NAME);
	}

	/**
	 * Read every declaration.
	 * @param connection the connection to read with
	 * @param timeoutSeconds the query timeout, or 0 for none
	 * @return the declarations, none when the table does not exist
	 * @throws SQLException when the table exists but cannot be read
	 */
	public List<BreakingMigration> read(Connection connection, int timeoutSeconds) throws SQLException {
		HistoryDialect dialect = HistoryDialect.of(connection.getMetaData());
		String sql = dialect.select(this.table, new String[] { "version", "breaks_before" }, null, null);
		try (Statement statement = connection.createStatement()) {
			if (timeoutSeconds > 0) {
				statement.setQueryTimeout(timeoutSeconds);
			}
			try (ResultSet rows = statement.executeQuery(sql)) {
				List<BreakingMigration> declarations = new ArrayList<>();
				while (rows.next()) {
					// on PostgreSQL, the table in another schema of the search path is
					// not ours
					if (!dialect.checksTheTable() || rows.getBoolean(3)) {
						declarations.add(new BreakingMigration(rows.getString(1), rows.getString(2)));
					}
				}
				return declarations;
			}
		}
		catch (SQLException ex) {
			if (QualifiedTable.isMissing(ex)) {
				return List.of();
			}
			throw ex;
		}
	}

	/**
	 * Create the table if needed, then record declarations. Declarations already
	 * recorded, also by another job at the same time, are left as they are. The table is
	 * created also when there is nothing to record, so that the runtime role can be
	 * granted {@code SELECT} on it after the first migration job.
	 * @param connection a connection with the rights to create the table
	 * @param declarations the declarations of applied migrations
	 * @return how many were recorded now
	 * @throws SQLException when the table cannot be created or written
	 */
	public int record(Connection connection, Collection<RecordedDeclaration> declarations) throws SQLException {
		HistoryDialect dialect = HistoryDialect.of(connection.getMetaData());
		String name = dialect.name(this.table);
		create(connection, dialect, name);
		if (declarations.isEmpty()) {
			return 0;
		}
		Set<String> recorded = new HashSet<>();
		read(connection, 0).forEach((declaration) -> recorded.add(declaration.version()));
		int count = 0;
		String insert = "INSERT INTO " + name + " (" + dialect.quote("version") + ", " + dialect.quote("breaks_before")
				+ ", " + dialect.quote("script") + ") VALUES (?, ?, ?)";
		for (RecordedDeclaration declaration : declarations) {
			if (!recorded.contains(declaration.version()) && insert(connection, insert, declaration)) {
				count++;
			}
		}
		return count;
	}

	private static void create(Connection connection, HistoryDialect dialect, String name) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.execute("CREATE TABLE IF NOT EXISTS " + name + " (" + dialect.quote("version")
					+ " VARCHAR(50) NOT NULL PRIMARY KEY, " + dialect.quote("breaks_before") + " VARCHAR(50) NOT NULL, "
					+ dialect.quote("script") + " VARCHAR(1000) NOT NULL, " + dialect.quote("recorded_on")
					+ " TIMESTAMP DEFAULT CURRENT_TIMESTAMP NOT NULL)");
		}
		catch (SQLException ex) {
			// PostgreSQL: another job created it in the same instant
			if (!isIntegrityViolation(ex)) {
				throw ex;
			}
		}
	}

	private static boolean isIntegrityViolation(SQLException ex) {
		return ex.getSQLState() != null && ex.getSQLState().startsWith(INTEGRITY_VIOLATION_CLASS);
	}

	private static boolean insert(Connection connection, String sql, RecordedDeclaration declaration)
			throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			statement.setString(1, declaration.version());
			statement.setString(2, declaration.breaksBefore());
			statement.setString(3, declaration.script());
			statement.executeUpdate();
			return true;
		}
		catch (SQLException ex) {
			// another job recorded it first
			if (isIntegrityViolation(ex)) {
				return false;
			}
			throw ex;
		}
	}

	/**
	 * The table's name for messages.
	 * @return the qualified name
	 */
	public String displayName() {
		return this.table.displayName();
	}

	/**
	 * A declaration to record.
	 *
	 * @param version the version of the migration that declared it
	 * @param breaksBefore the oldest version whose applications may run once it is
	 * applied
	 * @param script the migration's script
	 */
	public record RecordedDeclaration(String version, String breaksBefore, String script) {

	}

}
