package io.schemagate.sample;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.jdbc.core.JdbcTemplate;

import io.schemagate.internal.check.SchemaVerifier;
import io.schemagate.testsupport.DatabaseKind;
import io.schemagate.testsupport.Gate;
import io.schemagate.testsupport.TestDatabase;
import io.schemagate.testsupport.TestDatabaseExtension;
import io.schemagate.verify.SchemaState;
import io.schemagate.verify.SchemaStatus;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The migration job as a process, on a real database, where the contract speaks of
 * processes: a job behind a slow one exits 1 at its lock timeout while the slow one goes
 * on to exit 0; SIGTERM during a migration exits 1 once that migration is done and the
 * next job applies the rest, each migration once; a job whose sessions are killed exits 1
 * and the rerun succeeds; a job killed with SIGKILL mid-migration leaves no lock behind,
 * so the next job completes even while the killed job's session still runs its statement;
 * and verify sees the migration in progress while it runs. The jobs run scripts of their
 * own, written for the database, in a folder location.
 */
abstract class AbstractMigrateJobProcessIT {

	/**
	 * One JVM start and exit (3 to 6 s here), or the rest of a slow migration (at most 5
	 * s) and an exit: 2 min for a loaded machine.
	 */
	private static final Duration TIMEOUT = Duration.ofMinutes(2);

	@RegisterExtension
	final TestDatabaseExtension database;

	@TempDir
	Path workingDirectory;

	private Path migrations;

	AbstractMigrateJobProcessIT(DatabaseKind kind) {
		this.database = new TestDatabaseExtension(kind);
	}

	@BeforeEach
	void writeMigrations() throws Exception {
		this.migrations = Files.createDirectories(this.workingDirectory.resolve("migrations"));
		write("V1__create_bread.sql", "CREATE TABLE bread (id INT PRIMARY KEY, name VARCHAR(50));");
		write("V3__create_cake.sql", "CREATE TABLE cake (id INT PRIMARY KEY);");
	}

	@Test
	void jobBehindASlowJobExitsOneAtItsLockTimeoutAndTheSlowJobExitsZero() throws Exception {
		// the slow job's migration lasts until the test lets it end
		write("V2__slow.sql", Gate.migration(kind()));
		try (Gate gate = Gate.hold(this.database.get());
				SampleProcess slow = start("slow-job");
				SampleProcess impatient = startWhenMigrating(slow, "impatient-job", "--db.migrate.lock-timeout=2s")) {
			assertThat(impatient.awaitExit(TIMEOUT)).as(impatient.output()).isOne();
			// it gave up while the slow job still migrated: its wait was bounded by its
			// own timeout, not by the other job
			assertThat(slow.isAlive()).as("slow job still migrating").isTrue();
			assertThat(impatient.output()).contains("Waiting up to 2000ms for another migrate job")
				.contains("within 'db.migrate.lock-timeout' (2000ms): it is held by session ")
				.contains("exiting with code 1");
			gate.close();
			assertThat(slow.awaitExit(TIMEOUT)).as(slow.output()).isZero();
		}
		assertAppliedOnce("1", "2", "3");
	}

	@Test
	void sigtermDuringAMigrationExitsOneAfterItAndTheNextJobAppliesTheRest() throws Exception {
		// long enough to be under way when the signal comes, short enough to wait for
		write("V2__slow.sql", sleep(5));
		try (SampleProcess job = start("job")) {
			job.awaitOutput("to version \"2 - slow\"", TIMEOUT);
			long signalled = System.nanoTime();
			job.terminate();
			assertThat(job.awaitExit(TIMEOUT)).as(job.output()).isOne();
			Duration stopping = Duration.ofNanos(System.nanoTime() - signalled);
			System.out.println(kind() + ": job exited " + stopping.toMillis() + " ms after SIGTERM");
			// the rest of a 5 s migration, then an exit: well within Kubernetes' default
			// grace of 30 s, and the sample Job's 120 s
			assertThat(stopping).isLessThan(Duration.ofSeconds(30));
			assertThat(job.output()).contains("Asked to stop").contains("exiting with code 1");
		}
		assertAppliedOnce("1", "2");
		try (SampleProcess next = start("next-job")) {
			assertThat(next.awaitExit(TIMEOUT)).as(next.output()).isZero();
		}
		assertAppliedOnce("1", "2", "3");
	}

	@Test
	void jobWhoseSessionsAreKilledMidMigrationExitsOneAndTheRerunSucceeds() throws Exception {
		// the migration waits at the gate, which stays closed (its session is spared):
		// the job cannot finish it before its sessions are killed
		write("V2__slow.sql", Gate.migration(kind()));
		try (Gate gate = Gate.hold(this.database.get()); SampleProcess job = start("job")) {
			job.awaitOutput("to version \"2 - slow\"", TIMEOUT);
			killSessionsBut(gate.sessionId());
			assertThat(job.awaitExit(TIMEOUT)).as(job.output()).isOne();
		}
		try (SampleProcess rerun = start("rerun")) {
			assertThat(rerun.awaitExit(TIMEOUT)).as(rerun.output()).isZero();
		}
		assertAppliedOnce("1", "2", "3");
	}

	@Test
	void nextJobCompletesAfterJobWasKilledMidMigration() throws Exception {
		// a statement that runs until the test lets it end
		write("V2__slow.sql", Gate.migration(kind()));
		try (Gate gate = Gate.hold(this.database.get())) {
			try (SampleProcess killed = start("killed-job")) {
				killed.awaitOutput("to version \"2 - slow\"", TIMEOUT);
				killed.kill();
			}
			try (SampleProcess next = start("next-job")) {
				// the next job runs the same migration while the killed job's session
				// still runs its statement: nothing of the killed job holds it back
				next.awaitOutput("to version \"2 - slow\"", TIMEOUT);
				// both statements end; the server then finds the killed job gone, rolls
				// back what it can and ends its session
				gate.close();
				assertThat(next.awaitExit(TIMEOUT)).as(next.output()).isZero();
			}
		}
		assertAppliedOnce("1", "2", "3");
	}

	@Test
	void verifySeesTheMigrationInProgressWhileTheJobRuns() throws Exception {
		write("V2__slow.sql", Gate.migration(kind()));
		SchemaVerifier verifier = SchemaVerifier.of(flyway().getConfiguration(), Duration.ofSeconds(30));
		try (Gate gate = Gate.hold(this.database.get()); SampleProcess job = start("job")) {
			job.awaitOutput("to version \"2 - slow\"", TIMEOUT);
			SchemaStatus running = verifier.check();
			assertThat(running.state()).as(running.summary()).isEqualTo(SchemaState.BEHIND);
			assertThat(running.migrationInProgress()).isTrue();
			assertThat(running.migrationRunningSince()).isBeforeOrEqualTo(running.checkedAt());
			gate.close();
			assertThat(job.awaitExit(TIMEOUT)).as(job.output()).isZero();
		}
		SchemaStatus done = verifier.check();
		assertThat(done.state()).isEqualTo(SchemaState.READY);
		assertThat(done.migrationInProgress()).isFalse();
		write("V4__create_scone.sql", "CREATE TABLE scone (id INT PRIMARY KEY);");
		SchemaStatus behindWithoutJob = SchemaVerifier.of(flyway().getConfiguration(), Duration.ofSeconds(30)).check();
		assertThat(behindWithoutJob.state()).isEqualTo(SchemaState.BEHIND);
		assertThat(behindWithoutJob.migrationInProgress()).isFalse();
	}

	/**
	 * A statement that runs for so many seconds.
	 */
	abstract String sleep(int seconds);

	/**
	 * End every session on the test's database but the one that does it and the one
	 * given, as a failover does.
	 * @param spared the id of the session that stays
	 */
	abstract void killSessionsBut(long spared);

	DatabaseKind kind() {
		return this.database.get().kind();
	}

	JdbcTemplate jdbc() {
		return new JdbcTemplate(this.database.get().dataSource());
	}

	private SampleProcess start(String name, String... arguments) {
		Map<String, String> environment = SampleProcess.environment("migrate", this.database.get());
		environment.put("SPRING_FLYWAY_LOCATIONS", "filesystem:" + this.migrations);
		return SampleProcess.start(name, SampleProcess.jar(), this.workingDirectory, environment, arguments);
	}

	private SampleProcess startWhenMigrating(SampleProcess slow, String name, String... arguments) {
		slow.awaitOutput("to version \"2 - slow\"", TIMEOUT);
		return start(name, arguments);
	}

	private Flyway flyway() {
		TestDatabase database = this.database.get();
		return Flyway.configure()
			.dataSource(database.url(), database.username(), database.password())
			.locations("filesystem:" + this.migrations)
			.load();
	}

	private void assertAppliedOnce(String... versions) {
		assertThat(
				jdbc().queryForList("SELECT version FROM flyway_schema_history ORDER BY installed_rank", String.class))
			.containsExactly(versions);
		assertThat(HistoryRows.failed(this.database.get().dataSource())).isZero();
	}

	private void write(String name, String sql) throws Exception {
		Files.writeString(this.migrations.resolve(name), sql + "\n");
	}

}
