package io.schemagate.sample;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.jdbc.core.JdbcTemplate;

import io.schemagate.testsupport.DatabaseKind;
import io.schemagate.testsupport.TestDatabaseExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The migration job on MariaDB, whose DDL is not transactional: a migration that fails
 * half way leaves a failed row and exits 2, and a job killed mid-migration leaves no lock
 * behind. The sample's own scripts are PostgreSQL and H2 SQL, so these jobs run scripts
 * written for MariaDB.
 */
class MariaDbMigrateJobIT {

	private static final Duration TIMEOUT = Duration.ofMinutes(2);

	@RegisterExtension
	final TestDatabaseExtension mariadb = new TestDatabaseExtension(DatabaseKind.MARIADB);

	@TempDir
	Path workingDirectory;

	private Path migrations;

	@BeforeEach
	void writeMigrations() throws Exception {
		this.migrations = Files.createDirectories(this.workingDirectory.resolve("migrations"));
		write("V1__create_bread.sql", "CREATE TABLE bread (id INT PRIMARY KEY, name VARCHAR(50));");
	}

	@Test
	void migrationFailingHalfWayExitsTwoAndIsReportedFailedUntilRepaired() throws Exception {
		write("V2__create_cake.sql", "CREATE TABLE cake (id INT PRIMARY KEY);\nINSERT INTO no_such_table VALUES (1);");
		try (SampleProcess job = start("migrate")) {
			assertThat(job.awaitExit(TIMEOUT)).as(job.output()).isEqualTo(2);
			assertThat(job.output()).contains("MIGRATION FAILED").contains("no_such_table");
		}
		try (SampleProcess service = start("verify")) {
			assertThat(service.awaitExit(TIMEOUT)).as(service.output()).isNotZero();
			assertThat(service.output()).contains("state 'FAILED'").contains("Failed (1): 2").contains("repair");
		}
		// a person removes what was half applied, fixes the script and repairs the
		// history
		JdbcTemplate jdbc = new JdbcTemplate(this.mariadb.get().dataSource());
		jdbc.execute("DROP TABLE cake");
		write("V2__create_cake.sql", "CREATE TABLE cake (id INT PRIMARY KEY);");
		Flyway.configure()
			.dataSource(this.mariadb.get().dataSource())
			.locations("filesystem:" + this.migrations)
			.load()
			.repair();
		try (SampleProcess job = start("migrate")) {
			assertThat(job.awaitExit(TIMEOUT)).as(job.output()).isZero();
		}
		assertThat(jdbc.queryForList("SELECT version FROM flyway_schema_history WHERE success ORDER BY installed_rank",
				String.class))
			.containsExactly("1", "2");
	}

	@Test
	void nextJobCompletesAfterJobWasKilledMidMigration() throws Exception {
		write("V2__slow.sql", "SELECT SLEEP(15);");
		try (SampleProcess killed = start("migrate")) {
			killed.awaitOutput("to version \"2 - slow\"", TIMEOUT);
			killed.kill();
		}
		try (SampleProcess next = start("migrate")) {
			assertThat(next.awaitExit(TIMEOUT)).as(next.output()).isZero();
		}
		JdbcTemplate jdbc = new JdbcTemplate(this.mariadb.get().dataSource());
		assertThat(jdbc.queryForList("SELECT version FROM flyway_schema_history ORDER BY installed_rank", String.class))
			.containsExactly("1", "2");
	}

	private void write(String name, String sql) throws Exception {
		Files.writeString(this.migrations.resolve(name), sql + "\n");
	}

	private SampleProcess start(String mode) {
		Map<String, String> environment = Map.of("DB_MODE", mode, "SPRING_DATASOURCE_URL", this.mariadb.get().url(),
				"SPRING_DATASOURCE_USERNAME", this.mariadb.get().username(), "SPRING_DATASOURCE_PASSWORD",
				Objects.toString(this.mariadb.get().password(), ""));
		return SampleProcess.start(this.workingDirectory, environment,
				"--spring.flyway.locations=filesystem:" + this.migrations);
	}

}
