package io.schemagate.sample;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Isolated;

import io.schemagate.testsupport.DatabaseKind;
import io.schemagate.testsupport.TestDatabase;
import io.schemagate.testsupport.TestDatabases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/**
 * Ten migration jobs and twenty verifying services started together on an empty database,
 * as a rollout of a new service with its Job does: every job exits 0, each migration is
 * applied once, and every service ends ready without anything retried by hand. On
 * PostgreSQL (Flyway polls an advisory lock) and MariaDB (Flyway waits on
 * {@code GET_LOCK}).
 * <p>
 * Isolated: thirty JVMs keep both cores busy, so no other test runs beside these. Tagged
 * {@code crowd}: the main suite runs it, the compatibility run of {@code .ci/run} leaves
 * it out, as it measures the machine more than the versions.
 */
@Tag("crowd")
@Isolated("thirty JVMs keep both cores of the machine busy")
class CrowdedStartIT {

	private static final int JOBS = 10;

	private static final int SERVICES = 20;

	/**
	 * Each wait: thirty JVMs side by side on two cores are all done after 110 to 160 s
	 * here, and take about twice that with both cores busy elsewhere; over 3 times that.
	 */
	private static final Duration TIMEOUT = Duration.ofMinutes(16);

	@TempDir
	Path workingDirectory;

	@Test
	void tenJobsAndTwentyServicesOnPostgresql() {
		try (TestDatabase database = TestDatabases.create(DatabaseKind.POSTGRESQL)) {
			startTogether(database);
			assertThat(HistoryRows.perMigration(database.dataSource())).containsExactly(entry("1", 1), entry("2", 1),
					entry("3", 1), entry("4", 1), entry("5", 1), entry("R:order totals view", 1));
			assertThat(HistoryRows.failed(database.dataSource())).isZero();
		}
	}

	@Test
	void tenJobsAndTwentyServicesOnMariadb() throws Exception {
		// the sample's own scripts are PostgreSQL and H2 SQL
		Path migrations = Files.createDirectories(this.workingDirectory.resolve("migrations"));
		Files.writeString(migrations.resolve("V1__create_bread.sql"),
				"CREATE TABLE bread (id INT PRIMARY KEY, name VARCHAR(50));\n");
		Files.writeString(migrations.resolve("V2__create_cake.sql"), "CREATE TABLE cake (id INT PRIMARY KEY);\n");
		Files.writeString(migrations.resolve("V3__seed_bread.sql"), "INSERT INTO bread VALUES (1, 'rye');\n");
		try (TestDatabase database = TestDatabases.create(DatabaseKind.MARIADB)) {
			startTogether(database, "--spring.flyway.locations=filesystem:" + migrations);
			assertThat(HistoryRows.perMigration(database.dataSource())).containsExactly(entry("1", 1), entry("2", 1),
					entry("3", 1));
			assertThat(HistoryRows.failed(database.dataSource())).isZero();
		}
	}

	private void startTogether(TestDatabase database, String... arguments) {
		List<SampleProcess> processes = new ArrayList<>();
		long started = System.nanoTime();
		try {
			List<SampleProcess> services = new ArrayList<>();
			for (int i = 0; i < SERVICES; i++) {
				services.add(start("service-" + i, "verify", database, arguments, "--server.port=0"));
			}
			processes.addAll(services);
			List<SampleProcess> jobs = new ArrayList<>();
			for (int i = 0; i < JOBS; i++) {
				jobs.add(start("job-" + i, "migrate", database, arguments));
			}
			processes.addAll(jobs);
			for (SampleProcess job : jobs) {
				assertThat(job.awaitExit(TIMEOUT)).as(job.output()).isZero();
			}
			for (SampleProcess service : services) {
				new ServiceClient(service.name(), service.awaitStarted(TIMEOUT)).awaitReadiness(200, TIMEOUT);
			}
			System.out.printf("%s: %d jobs and %d services: all jobs done and all services ready after %d ms%n",
					database.kind(), JOBS, SERVICES, Duration.ofNanos(System.nanoTime() - started).toMillis());
		}
		finally {
			SampleProcess.closeAll(processes);
		}
	}

	private SampleProcess start(String name, String mode, TestDatabase database, String[] arguments, String... more) {
		List<String> all = new ArrayList<>(List.of(arguments));
		all.addAll(List.of(more));
		return SampleProcess.start(name, SampleProcess.jar(), this.workingDirectory,
				SampleProcess.crowdedEnvironment(mode, database), all.toArray(String[]::new));
	}

}
