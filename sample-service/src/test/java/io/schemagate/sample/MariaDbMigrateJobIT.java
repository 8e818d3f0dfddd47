package io.schemagate.sample;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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
 * half way leaves a failed row and exits 2, until it is repaired, and a newer version's
 * failed migration leaves the older service ready. The sample's own scripts are
 * PostgreSQL and H2 SQL, so these jobs run scripts written for MariaDB.
 */
class MariaDbMigrateJobIT {

	/** One JVM start and exit: 3 to 6 s here, 2 min for a loaded machine. */
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
		try (SampleProcess service = start("service", "verify", "--db.verify.on-startup=fail")) {
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
	void halfFailedJobOfANewerVersionLeavesTheOlderServiceReady() throws Exception {
		write("V2__seed_bread.sql", "INSERT INTO bread VALUES (1, 'rye');");
		try (SampleProcess job = start("migrate")) {
			assertThat(job.awaitExit(TIMEOUT)).as(job.output()).isZero();
		}
		Path v2 = Files.createDirectories(this.workingDirectory.resolve("v2"));
		for (Path script : Files.list(this.migrations).toList()) {
			Files.copy(script, v2.resolve(script.getFileName()));
		}
		// MariaDB commits the ALTER before the INSERT fails: a failed row stays
		Files.writeString(v2.resolve("V3__add_weight.sql"),
				"ALTER TABLE bread ADD COLUMN weight INT;\nINSERT INTO no_such_table VALUES (1);\n");
		// a check each second once ready too (by default each minute): the newer job's
		// failure is seen at once
		try (SampleProcess service = start("v1-service", "verify", "--server.port=0",
				"--db.verify.refresh-interval=1s")) {
			ServiceClient client = new ServiceClient("v1-service", service.awaitStarted(TIMEOUT));
			client.awaitReadiness(200, TIMEOUT);
			try (ReadinessRecorder probes = new ReadinessRecorder(List.of(client))) {
				try (SampleProcess job = SampleProcess.start("v2-migrate", SampleProcess.jar(), this.workingDirectory,
						SampleProcess.crowdedEnvironment("migrate", this.mariadb.get()),
						"--spring.flyway.locations=filesystem:" + v2)) {
					assertThat(job.awaitExit(TIMEOUT)).as(job.output()).isEqualTo(2);
				}
				assertThat(client.awaitCheckAfter(java.time.Instant.now(), TIMEOUT).state()).isEqualTo("AHEAD");
				assertThat(client.get("/actuator/health/schema").<List<String>>json("$.details.failedVersions"))
					.containsExactly("3");
				assertThat(probes.notReady()).as("readiness answers other than 200").isEmpty();
				assertThat(probes.probes()).isPositive();
			}
			assertThat(service.output()).contains("A newer version's migration failed (3)");
		}
	}

	private void write(String name, String sql) throws Exception {
		Files.writeString(this.migrations.resolve(name), sql + "\n");
	}

	private SampleProcess start(String mode) {
		return start("sample", mode);
	}

	private SampleProcess start(String name, String mode, String... arguments) {
		Map<String, String> environment = SampleProcess.crowdedEnvironment(mode, this.mariadb.get());
		List<String> all = new ArrayList<>(List.of("--spring.flyway.locations=filesystem:" + this.migrations));
		all.addAll(List.of(arguments));
		return SampleProcess.start(name, SampleProcess.jar(), this.workingDirectory, environment,
				all.toArray(String[]::new));
	}

}
