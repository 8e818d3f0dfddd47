package io.schemagate.internal.check.differential;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.flyway.autoconfigure.FlywayProperties;
import org.springframework.jdbc.core.JdbcTemplate;

import io.schemagate.internal.local.ScriptChecksum;

/**
 * Builds one case's history: writes scripts into the application's migration folder, runs
 * Flyway as the migration jobs of several releases would, and writes history rows that
 * only unusual pasts leave (failed runs, deletions, rows of other Flyway editions).
 */
final class Scenario {

	static final String V1 = "CREATE TABLE bread (id INT PRIMARY KEY, name VARCHAR(50));\n";

	static final String V2 = "CREATE TABLE cake (id INT PRIMARY KEY);\n";

	static final String V3 = "INSERT INTO bread (id, name) VALUES (1, 'rye');\n";

	static final String VIEW = "CREATE OR REPLACE VIEW bread_names AS SELECT name FROM bread;\n";

	private final Path folder;

	private final CaseDatabase database;

	Scenario(Path folder, CaseDatabase database) {
		this.folder = folder;
		this.database = database;
	}

	Scenario write(String filename, String sql) {
		try {
			Path file = this.folder.resolve(filename);
			Files.createDirectories(file.getParent());
			Files.writeString(file, sql, StandardCharsets.UTF_8);
			return this;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	Scenario delete(String filename) {
		try {
			Files.delete(this.folder.resolve(filename));
			return this;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The first three versions and the view, as the first release ships them.
	 * @return this scenario
	 */
	Scenario firstRelease() {
		return write("V1__create_bread.sql", V1).write("V2__create_cake.sql", V2)
			.write("V3__seed_bread.sql", V3)
			.write("R__bread_names.sql", VIEW);
	}

	/**
	 * Migrate the folder as it is now, whatever the history says, as a release's job with
	 * lenient settings would.
	 * @return this scenario
	 */
	Scenario migrate() {
		return migrate(Map.of());
	}

	Scenario migrate(Map<String, String> placeholders) {
		configure().ignoreMigrationPatterns("*:*").placeholders(placeholders).outOfOrder(true).load().migrate();
		return this;
	}

	Scenario baseline(String version) {
		configure().baselineVersion(version).load().baseline();
		return this;
	}

	Scenario repair() {
		configure().ignoreMigrationPatterns("*:*").load().repair();
		return this;
	}

	/**
	 * Write a history row as the migration job of a release the application does not
	 * know, or another Flyway edition, would have.
	 * @param version the version, {@code null} for a repeatable migration
	 * @param description the description
	 * @param type the type
	 * @param checksum the checksum
	 * @param success whether it succeeded
	 * @return this scenario
	 */
	Scenario row(@Nullable String version, String description, String type, @Nullable Integer checksum,
			boolean success) {
		JdbcTemplate jdbc = new JdbcTemplate(this.database.dataSource());
		String table = this.database.qualified("flyway_schema_history");
		Integer rank = jdbc.queryForObject(
				"SELECT COALESCE(MAX(" + this.database.column("installed_rank") + "), 0) + 1 FROM " + table,
				Integer.class);
		jdbc.update("INSERT INTO " + table + " (" + columns() + ") VALUES (?, ?, ?, ?, ?, ?, 'test', 0, ?)", rank,
				version, description, type, (version != null) ? "V" + version + "__x.sql" : "R__x.sql", checksum,
				success);
		return this;
	}

	Scenario sql(String statement) {
		new JdbcTemplate(this.database.dataSource())
			.execute(statement.replace("{history}", this.database.qualified("flyway_schema_history"))
				.replace("{type}", this.database.column("type"))
				.replace("{version}", this.database.column("version")));
		return this;
	}

	private String columns() {
		StringBuilder columns = new StringBuilder();
		for (String column : new String[] { "installed_rank", "version", "description", "type", "script", "checksum",
				"installed_by", "execution_time", "success" }) {
			columns.append((columns.length() > 0) ? ", " : "").append(this.database.column(column));
		}
		return columns.toString();
	}

	static int checksum(String sql) {
		return ScriptChecksum.of(sql);
	}

	/**
	 * Flyway for the application's migrations on the case's database.
	 * @return the configuration
	 */
	FluentConfiguration configure() {
		FluentConfiguration configuration = Flyway.configure()
			.dataSource(this.database.dataSource())
			.locations("filesystem:" + this.folder.toAbsolutePath());
		if (this.database.schema() != null) {
			configuration.defaultSchema(this.database.schema()).createSchemas(true);
		}
		return configuration;
	}

	/**
	 * The {@code spring.flyway.*} settings of an application with the application's
	 * migrations on the case's database, its schema made by the case.
	 * @return the settings
	 */
	FlywayProperties properties() {
		FlywayProperties properties = new FlywayProperties();
		properties.setLocations(List.of("filesystem:" + this.folder.toAbsolutePath()));
		if (this.database.schema() != null) {
			properties.setDefaultSchema(this.database.schema());
		}
		properties.setCreateSchemas(false);
		return properties;
	}

}
