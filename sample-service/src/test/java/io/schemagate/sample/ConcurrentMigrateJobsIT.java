package io.schemagate.sample;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import io.schemagate.testsupport.DatabaseKind;
import io.schemagate.testsupport.TestDatabase;
import io.schemagate.testsupport.TestDatabaseExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/**
 * Several migration jobs started at once on an empty PostgreSQL database, as a Job with
 * {@code parallelism} or two overlapping rollouts would start them: every job exits 0 and
 * Flyway's lock makes each migration apply exactly once.
 */
class ConcurrentMigrateJobsIT {

	private static final int JOBS = 5;

	/**
	 * Five JVMs side by side on two cores: the slowest 15 to 17 s here; 3 min for a
	 * loaded machine.
	 */
	private static final Duration EXIT_TIMEOUT = Duration.ofMinutes(3);

	private static final Pattern APPLIED = Pattern.compile("Migration successful: applied (\\d+) migration\\(s\\)");

	@TempDir
	Path workingDirectory;

	@RegisterExtension
	final TestDatabaseExtension postgres = new TestDatabaseExtension(DatabaseKind.POSTGRESQL);

	@Test
	void fiveJobsAtOnceApplyEachMigrationOnce() {
		List<SampleProcess> jobs = new ArrayList<>();
		// One waiting thread per job, so that each job's time is taken when it exits
		ExecutorService waiters = Executors.newFixedThreadPool(JOBS);
		try {
			long started = System.nanoTime();
			for (int i = 0; i < JOBS; i++) {
				jobs.add(SampleProcess.start(this.workingDirectory, environment()));
			}
			List<CompletableFuture<JobResult>> running = jobs.stream()
				.map((job) -> CompletableFuture.supplyAsync(() -> JobResult.await(job, started), waiters))
				.toList();
			List<JobResult> results = running.stream().map(CompletableFuture::join).toList();
			for (int i = 0; i < JOBS; i++) {
				JobResult result = results.get(i);
				System.out.printf("job %d: exit code %d after %d ms, applied %d migration(s)%n", i + 1,
						result.exitCode(), result.elapsed().toMillis(), result.applied());
				assertThat(result.exitCode()).as(result.output()).isZero();
			}
			JobResult slowest = results.stream().max(Comparator.comparing(JobResult::elapsed)).orElseThrow();
			System.out.printf("slowest of %d concurrent migration jobs: %d ms%n", JOBS, slowest.elapsed().toMillis());
			assertThat(results.stream().mapToInt(JobResult::applied).sum()).as("migrations applied by all jobs")
				.isEqualTo(6);
		}
		finally {
			SampleProcess.closeAll(jobs);
			waiters.shutdownNow();
		}
		assertThat(HistoryRows.perMigration(database().dataSource())).containsExactly(entry("1", 1), entry("2", 1),
				entry("3", 1), entry("4", 1), entry("5", 1), entry("R:order totals view", 1));
		assertThat(HistoryRows.failed(database().dataSource())).isZero();
	}

	private Map<String, String> environment() {
		return environment("migrate");
	}

	private Map<String, String> environment(String mode) {
		return SampleProcess.crowdedEnvironment(mode, database());
	}

	private TestDatabase database() {
		return this.postgres.get();
	}

	/**
	 * How one job ended.
	 *
	 * @param exitCode the exit code
	 * @param elapsed from the start of all jobs to this one's exit
	 * @param applied how many migrations this job applied, by its log
	 * @param output the job's output
	 */
	record JobResult(int exitCode, Duration elapsed, int applied, String output) {

		static JobResult await(SampleProcess job, long started) {
			int exitCode = job.awaitExit(EXIT_TIMEOUT);
			Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
			String output = job.output();
			Matcher applied = APPLIED.matcher(output);
			return new JobResult(exitCode, elapsed, applied.find() ? Integer.parseInt(applied.group(1)) : 0, output);
		}

	}

}
