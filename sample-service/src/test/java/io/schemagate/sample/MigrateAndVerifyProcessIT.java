package io.schemagate.sample;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.jdbc.core.JdbcTemplate;

import io.schemagate.testsupport.DatabaseKind;
import io.schemagate.testsupport.TestDatabaseExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged sample service as real processes on PostgreSQL: migrate mode's exit codes
 * and verify mode's failure report, as a Kubernetes Job and Deployment see them.
 */
class MigrateAndVerifyProcessIT {

	/** One JVM start and exit: 3 to 6 s here, 2 min for a loaded machine. */
	private static final Duration EXIT_TIMEOUT = Duration.ofMinutes(2);

	@TempDir
	Path workingDirectory;

	@RegisterExtension
	final TestDatabaseExtension postgres = new TestDatabaseExtension(DatabaseKind.POSTGRESQL);

	@Test
	void migrateJobExitsZeroAndOpensNoPort() throws Exception {
		int port = freePort();
		try (SampleProcess job = start("migrate", this.postgres.get().url(), "--server.port=" + port)) {
			assertThat(job.awaitExit(EXIT_TIMEOUT)).as(job.output()).isZero();
			assertThat(job.output()).contains("Running pending migrations")
				.contains("Migration successful: applied 6 migration(s)")
				.doesNotContain("Tomcat")
				.doesNotContain("Started BakeryApplication");
		}
		assertThat(appliedVersions()).containsExactly("1", "2", "3", "4", "5", null);
	}

	@Test
	void migrateJobExitsZeroWhenNothingIsPending() {
		try (SampleProcess first = start("migrate", this.postgres.get().url())) {
			assertThat(first.awaitExit(EXIT_TIMEOUT)).as(first.output()).isZero();
		}
		try (SampleProcess second = start("migrate", this.postgres.get().url())) {
			assertThat(second.awaitExit(EXIT_TIMEOUT)).as(second.output()).isZero();
			assertThat(second.output()).contains("Migration successful: applied 0 migration(s)");
		}
	}

	@Test
	void migrateJobExitsOneWhenDatabaseIsDown() throws Exception {
		try (SampleProcess job = start("migrate", "jdbc:postgresql://127.0.0.1:" + freePort() + "/nowhere")) {
			assertThat(job.awaitExit(EXIT_TIMEOUT)).as(job.output()).isEqualTo(1);
			assertThat(job.output()).contains("MIGRATION FAILED").doesNotContain("Tomcat");
		}
	}

	@Test
	void migrateJobExitsTwoWhenMigrationIsBroken() throws Exception {
		Path broken = Files.createDirectories(this.workingDirectory.resolve("broken"));
		Files.writeString(broken.resolve("V6__broken.sql"), "INSERT INTO no_such_table VALUES (1);\n");
		try (SampleProcess job = start("migrate", this.postgres.get().url(),
				"--spring.flyway.locations=classpath:db/migration,filesystem:" + broken)) {
			assertThat(job.awaitExit(EXIT_TIMEOUT)).as(job.output()).isEqualTo(2);
			assertThat(job.output()).contains("MIGRATION FAILED").contains("no_such_table");
		}
	}

	@Test
	void verifyOnEmptyDatabaseExitsNonZeroWithReport() {
		try (SampleProcess service = start("verify", this.postgres.get().url())) {
			assertThat(service.awaitExit(EXIT_TIMEOUT)).as(service.output()).isNotZero();
			assertThat(service.output()).contains("APPLICATION FAILED TO START")
				.contains("state 'BEHIND'")
				.contains("Pending (6): 1, 2, 3, 4, 5, R:order totals view")
				.contains("db.mode=migrate")
				.doesNotContain("Running pending migrations");
		}
		assertThat(appliedVersions()).isEmpty();
	}

	@Test
	void verifyStartsAfterMigrateJob() throws Exception {
		try (SampleProcess job = start("migrate", this.postgres.get().url())) {
			assertThat(job.awaitExit(EXIT_TIMEOUT)).as(job.output()).isZero();
		}
		try (SampleProcess service = start("verify", this.postgres.get().url(), "--server.port=" + freePort())) {
			service.awaitOutput("Started BakeryApplication", EXIT_TIMEOUT);
			assertThat(service.output()).contains("Database verification successful: schema version 5")
				.doesNotContain("Running pending migrations");
		}
	}

	@Test
	void serviceOnAnInMemoryDatabaseMigratesAndServesWithoutDbMode() throws Exception {
		Map<String, String> environment = Map.of("SPRING_DATASOURCE_URL", "jdbc:h2:mem:bakery");
		try (SampleProcess service = SampleProcess.start(this.workingDirectory, environment,
				"--server.port=" + freePort())) {
			ServiceClient client = new ServiceClient("in-memory", service.awaitStarted(EXIT_TIMEOUT));
			assertThat(client.readiness()).isEqualTo(200);
			assertThat(client.get("/products").status()).isEqualTo(200);
			assertThat(service.output())
				.contains("migrating, then serving: the database is an in-memory embedded database")
				.contains("Migration successful: applied 6 migration(s)")
				.doesNotContain("Database verification mode");
		}
	}

	@Test
	void localProfileMigratesTheDevelopersDatabaseAndServes() throws Exception {
		try (SampleProcess service = start("", this.postgres.get().url(), "--spring.profiles.active=local",
				"--server.port=" + freePort())) {
			ServiceClient client = new ServiceClient("local", service.awaitStarted(EXIT_TIMEOUT));
			assertThat(client.readiness()).isEqualTo(200);
			assertThat(service.output()).contains("Migration successful: applied 6 migration(s)");
		}
		assertThat(appliedVersions()).containsExactly("1", "2", "3", "4", "5", null);
	}

	private java.util.List<String> appliedVersions() {
		JdbcTemplate jdbc = new JdbcTemplate(this.postgres.get().dataSource());
		Boolean exists = jdbc.queryForObject("SELECT to_regclass('flyway_schema_history') IS NOT NULL", Boolean.class);
		if (!Boolean.TRUE.equals(exists)) {
			return java.util.List.of();
		}
		return jdbc.queryForList("SELECT version FROM flyway_schema_history ORDER BY installed_rank", String.class);
	}

	private SampleProcess start(String mode, String url, String... arguments) {
		Map<String, String> environment = new HashMap<>();
		if (!mode.isEmpty()) {
			environment.put("DB_MODE", mode);
		}
		environment.put("SPRING_DATASOURCE_URL", url);
		environment.put("SPRING_DATASOURCE_USERNAME", this.postgres.get().username());
		environment.put("SPRING_DATASOURCE_PASSWORD", java.util.Objects.toString(this.postgres.get().password(), ""));
		return SampleProcess.start(this.workingDirectory, environment, arguments);
	}

	private static int freePort() throws Exception {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
