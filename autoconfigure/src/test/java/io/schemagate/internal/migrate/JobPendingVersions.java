package io.schemagate.internal.migrate;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.Configuration;

import io.schemagate.internal.history.AppliedMigration;
import io.schemagate.internal.history.SchemaHistoryReader;
import io.schemagate.internal.history.UnreadableHistoryException;
import io.schemagate.internal.local.LocalMigrationScanner;

/**
 * The versions the migrate job takes for pending, as it finds them before a run, for
 * tests to hold against Flyway's {@code info().pending()}.
 */
public final class JobPendingVersions {

	private JobPendingVersions() {
	}

	/**
	 * The pending versions, sorted as strings.
	 * @param flyway Flyway configured as the job's
	 * @return the versions
	 * @throws SQLException when the history cannot be read
	 * @throws UnreadableHistoryException where Flyway cannot read the history either
	 */
	public static List<String> of(Flyway flyway) throws SQLException, UnreadableHistoryException {
		Configuration configuration = flyway.getConfiguration();
		try (Connection connection = configuration.getDataSource().getConnection()) {
			List<AppliedMigration> history = new SchemaHistoryReader(SchemaHistoryReader.historySchema(configuration),
					configuration.getTable())
				.read(connection, 0);
			return PendingMigrations
				.of(configuration, new LocalMigrationScanner(configuration).jobMigrations(),
						(history != null) ? history : List.of())
				.stream()
				.map((migration) -> Objects.requireNonNull(migration.version()).getVersion())
				.sorted()
				.toList();
		}
	}

}
