package io.schemagate.sample;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.jdbc.core.JdbcTemplate;

import io.schemagate.testsupport.DatabaseKind;
import io.schemagate.testsupport.Gate;
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

	@RegisterExtension
	final TestDatabaseExtension postgres = new TestDatabaseExtension(DatabaseKind.POSTGRESQL);

	@TempDir
	Path workingDirectory;

	@Test
	void nextJobCompletesAfterJobWasKilledMidMigration() throws Exception {
		Path extra = Files.createDirectories(this.workingDirectory.resolve("extra"));
		// a statement that runs until the test lets it end
		Files.writeString(extra.resolve("V6__slow.sql"), Gate.migration(DatabaseKind.POSTGRESQL));
		String locations = "--spring.flyway.locations=classpath:db/migration,filesystem:" + extra;
		try (Gate gate = Gate.hold(this.postgres.get())) {
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
