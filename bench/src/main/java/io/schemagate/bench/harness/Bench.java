package io.schemagate.bench.harness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import com.zaxxer.hikari.HikariDataSource;
import org.slf4j.LoggerFactory;

/**
 * Measures what the schema check costs, from 10 to 10,000 migrations, on PostgreSQL, and
 * writes the table to {@code bench/RESULTS.md}. Run it with {@code bench/run.sh}.
 * <p>
 * Settings, from the environment: {@code BENCH_SIZES} (default
 * {@code 10,100,1000,10000}), {@code BENCH_REPETITIONS} (process starts of each variant,
 * default 3), {@code BENCH_FAT_JAR_STARTS} (starts of each variant with 1,000 migrations
 * inside the jar, default 11: its targets are a few percent apart), {@code BENCH_TENANTS}
 * (tenant schemas of part 6, default 100, each with 100 migrations), {@code BENCH_PARTS}
 * (default {@code steps,probes,lock-wait,startup,fat-jar,tenants}: which parts to run)
 * and the server in {@code BENCH_POSTGRESQL_URL}, {@code BENCH_POSTGRESQL_USERNAME} and
 * {@code BENCH_POSTGRESQL_PASSWORD} (default the local server as {@code postgres}).
 */
public final class Bench {

	private static final List<String> ALL_PARTS = List.of("steps", "probes", "lock-wait", "startup", "fat-jar",
			"tenants");

	private Bench() {
	}

	public static void main(String[] args) throws IOException {
		((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).setLevel(Level.WARN);
		Path home = Path.of(args.length > 0 ? args[0] : "bench").toAbsolutePath().normalize();
		Path jar = home.resolve("target/schemagate-bench.jar");
		Path work = home.resolve("target/bench-work");
		List<Integer> sizes = Arrays.stream(env("BENCH_SIZES", "10,100,1000,10000").split(","))
			.map(String::trim)
			.map(Integer::valueOf)
			.toList();
		int repetitions = Integer.parseInt(env("BENCH_REPETITIONS", "3"));
		int fatJarStarts = Integer.parseInt(env("BENCH_FAT_JAR_STARTS", "11"));
		int tenants = Integer.parseInt(env("BENCH_TENANTS", "100"));
		List<String> parts = Arrays.stream(env("BENCH_PARTS", String.join(",", ALL_PARTS)).split(","))
			.map(String::trim)
			.toList();
		BenchDatabase database = BenchDatabase.fromEnvironment();
		Report report = new Report(database.serverVersion(), sizes, repetitions);
		long started = System.nanoTime();

		Map<Integer, MigrationSet> sets = new LinkedHashMap<>();
		Map<Integer, String> databases = new LinkedHashMap<>();
		for (int size : sizes) {
			long setup = System.nanoTime();
			MigrationSet set = MigrationSet.generate(size, work.resolve("migrations"));
			sets.put(size, set);
			databases.put(size, database.prepare(set));
			log("Prepared %,d migrations in %.1f s", size, seconds(setup));
		}

		StartupBenchmark startup = new StartupBenchmark(jar, work.resolve("logs"), database);
		if (parts.contains("steps")) {
			measureSteps(report, sizes, sets, databases, database);
		}
		if (parts.contains("probes")) {
			measureProbes(report, sizes, sets, databases, startup, jar, work);
		}
		if (parts.contains("lock-wait")) {
			report.lockWait(new LockWaitBenchmark(database, work.resolve("migrations")).run(repetitions));
			log("Lock wait measured");
		}
		if (parts.contains("startup")) {
			for (int size : sizes) {
				// the target is at 1,000 migrations: twice the starts there
				int starts = (size == 1000) ? 2 * repetitions : repetitions;
				report.startup(size, startup.run(sets.get(size), databases.get(size), starts));
			}
			int probeSize = probeSize(sizes);
			report.startupStatements(probeSize, startup.countStatements(sets.get(probeSize), databases.get(probeSize)));
			log("Startup measured; whole run %.0f s", seconds(started));
		}
		if (parts.contains("fat-jar")) {
			measureFatJar(report, sizes, sets, databases, startup, jar, work, repetitions, fatJarStarts);
			log("Fat jar measured; whole run %.0f s", seconds(started));
		}
		if (parts.contains("tenants")) {
			long setup = System.nanoTime();
			MigrationSet tenantSet = MigrationSet.generate(100, work.resolve("migrations"));
			report.tenants(new TenantBenchmark(database, startup).run(tenantSet, tenants, 5, repetitions));
			log("Tenants measured in %.0f s", seconds(setup));
		}

		String table = report.render(seconds(started));
		System.out.println();
		System.out.println(table);
		// RESULTS.md holds whole runs only; a run of some parts is kept beside the build
		Path results = parts.containsAll(ALL_PARTS) ? home.resolve("RESULTS.md")
				: home.resolve("target/RESULTS-partial.md");
		Files.writeString(results, table);
		System.out.println("Written to " + results);
	}

	private static void measureSteps(Report report, List<Integer> sizes, Map<Integer, MigrationSet> sets,
			Map<Integer, String> databases, BenchDatabase database) {
		StepBenchmark steps = new StepBenchmark();
		try (HikariDataSource pool = database.dataSource(databases.get(sizes.get(0)), 4)) {
			// unmeasured: the JIT compiles Flyway's and Schemagate's code before any size
			// is measured, not while the first one is
			steps.run(sets.get(sizes.get(0)), pool, 7);
		}
		for (int size : sizes) {
			try (HikariDataSource pool = database.dataSource(databases.get(size), 4)) {
				// seven runs at every size: at 10,000 migrations a collection in one of
				// three runs moved the median by half
				report.steps(size, steps.run(sets.get(size), pool, 7));
			}
			log("Schema steps measured at %,d migrations", size);
		}
	}

	private static void measureProbes(Report report, List<Integer> sizes, Map<Integer, MigrationSet> sets,
			Map<Integer, String> databases, StartupBenchmark startup, Path jar, Path work) {
		int probeSize = probeSize(sizes);
		List<String> probeArguments = startup.arguments(sets.get(probeSize), databases.get(probeSize),
				new StartupBenchmark.Variant("probe", "", "--db.mode=verify", "--bench.count-statements=true",
						"--db.verify.refresh-interval=0", "--bench.exit-when-ready=false"));
		try (ServiceProcess service = ServiceProcess.start(jar, work.resolve("logs/probes.log"), probeArguments)) {
			service.awaitReady();
			report.probes(probeSize, new ProbeBenchmark().run(service));
		}
		log("Probes measured");
	}

	/**
	 * Part 1b: the services with their migrations inside the jar, at 1,000 and 10,000
	 * migrations (those of the run's sizes); {@code fatJarStarts} starts of each at
	 * 1,000.
	 */
	private static void measureFatJar(Report report, List<Integer> sizes, Map<Integer, MigrationSet> sets,
			Map<Integer, String> databases, StartupBenchmark startup, Path jar, Path work, int repetitions,
			int fatJarStarts) {
		for (int size : sizes) {
			if (size != 1000 && size != 10_000) {
				continue;
			}
			Path fatJar = FatJar.withMigrations(jar, sets.get(size), work.resolve("schemagate-bench-" + size + ".jar"));
			StartupBenchmark inJar = startup.inJar(fatJar, work.resolve("logs/fat-jar"));
			int starts = (size == 1000) ? fatJarStarts : repetitions;
			report.fatJar(size,
					inJar.run(sets.get(size), databases.get(size), StartupBenchmark.FAT_JAR, List.of(), starts));
		}
	}

	private static int probeSize(List<Integer> sizes) {
		return sizes.stream().filter((size) -> size <= 1000).reduce((a, b) -> b).orElse(sizes.get(0));
	}

	private static double seconds(long since) {
		return (System.nanoTime() - since) / 1e9;
	}

	private static void log(String format, Object... values) {
		System.out.printf(format + "%n", values);
	}

	private static String env(String name, String fallback) {
		String value = System.getenv(name);
		return (value != null && !value.isBlank()) ? value : fallback;
	}

}
