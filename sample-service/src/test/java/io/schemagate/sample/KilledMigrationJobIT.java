package io.schemagate.sample;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.jdbc.core.JdbcTemplate;

import io.schemagate.testsupport.DatabaseKind;
import io.schemagate.testsupport.TestDatabaseExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A migration job killed with SIGKILL in the middle of a long migration leaves no lock
 * behind: the next job completes without anyone stepping in, even while the killed job's
 * session still runs its statement.
 */
class KilledMigrationJobIT {

	/** One JVM start and exit: 3 to 6 s here, 2 min for a loaded machine. */
	private static final Duration TIMEOUT = Duration.ofMinutes(2);

	/** An advisory lock of the test's own, of another number than Flyway's. */
	private static final long GATE = 20_261_203L;

	@RegisterExtension
	final TestDatabaseExtension postgres = new TestDatabaseExtension(DatabaseKind.POSTGRESQL);

	@TempDir
	Path workingDirectory;

	@Test
	void nextJobCompletesAfterJobWasKilledMidMigration() throws Exception {
		Path extra = Files.createDirectories(this.workingDirectory.resolve("extra"));
		// a statement that runs until the test lets it end
		Files.writeString(extra.resolve("V6__slow.sql"),
				"SELECT pg_advisory_lock(" + GATE + ");\nSELECT pg_advisory_unlock(" + GATE + ");\n");
		String locations = "--spring.flyway.locations=classpath:db/migration,filesystem:" + extra;
		try (Connection gate = this.postgres.get().dataSource().getConnection()) {
			try (Statement statement = gate.createStatement()) {
				statement.execute("SELECT pg_advisory_lock(" + GATE + ")");
			}
			try (SampleProcess killed = SampleProcess.start(this.workingDirectory, environment(), locations)) {
				killed.awaitOutput("to version \"6 - slow\"", TIMEOUT);
				killed.kill();
			}
			try (SampleProcess next = SampleProcess.start(this.workingDirectory, environment(), locations)) {
				// the next job runs the same migration while the killed job's session
				// still runs its statement
				next.awaitOutput("to version \"6 - slow\"", TIMEOUT);
				// both statements end; the server then finds the killed job gone, rolls
				// its transaction back and ends its session
				gate.close();
				long released = System.nanoTime();
				assertThat(next.awaitExit(TIMEOUT)).as(next.output()).isZero();
				System.out.println("next job completed " + Duration.ofNanos(System.nanoTime() - released).toMillis()
						+ " ms after the statements ended");
			}
		}
		JdbcTemplate jdbc = new JdbcTemplate(this.postgres.get().dataSource());
		assertThat(jdbc.queryForList("SELECT version FROM flyway_schema_history WHERE success ORDER BY installed_rank",
				String.class))
			.containsExactly("1", "2", "3", "4", "5", "6", null);
		assertThat(HistoryRows.failed(this.postgres.get().dataSource())).isZero();
	}

	private Map<String, String> environment() {
		return SampleProcess.environment("migrate", this.postgres.get());
	}

}
