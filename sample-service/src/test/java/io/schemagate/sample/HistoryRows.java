package io.schemagate.sample;

import java.util.LinkedHashMap;
import java.util.Map;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Reads Flyway's schema history of a test database, in SQL that PostgreSQL, MariaDB and
 * H2 understand alike.
 */
final class HistoryRows {

	private HistoryRows() {
	}

	/**
	 * How many history rows each migration has, versioned ones by version and repeatable
	 * ones as {@code R:description}, in the order they were first applied.
	 * @param dataSource the database
	 * @return rows per migration
	 */
	static Map<String, Integer> perMigration(DataSource dataSource) {
		Map<String, Integer> rows = new LinkedHashMap<>();
		new JdbcTemplate(dataSource)
			.query("SELECT coalesce(version, concat('R:', description)) AS migration, count(*) AS row_count"
					+ " FROM flyway_schema_history GROUP BY coalesce(version, concat('R:', description))"
					+ " ORDER BY min(installed_rank)", (row) -> {
						rows.put(row.getString("migration"), row.getInt("row_count"));
					});
		return rows;
	}

	/**
	 * How many history rows record a failed migration.
	 * @param dataSource the database
	 * @return the number of failed rows
	 */
	static int failed(DataSource dataSource) {
		Integer failed = new JdbcTemplate(dataSource)
			.queryForObject("SELECT count(*) FROM flyway_schema_history WHERE NOT success", Integer.class);
		return (failed != null) ? failed : 0;
	}

}
