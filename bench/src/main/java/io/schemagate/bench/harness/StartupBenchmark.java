package io.schemagate.bench.harness;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Part 1: whole-process startup of the same service jar in each variant, launch to ready
 * (services) or launch to exit (migration jobs), on a database that already holds every
 * migration. Variants take turns within each repetition, so a noisy moment on a shared
 * machine hits them all alike.
 */
final class StartupBenchmark {

	/** Schemagate's auto-configurations, excluded to get Boot's own default. */
	static final String WITHOUT_SCHEMAGATE = "--spring.autoconfigure.exclude="
			+ "io.schemagate.autoconfigure.SchemagateAutoConfiguration,"
			+ "io.schemagate.autoconfigure.health.SchemagateHealthAutoConfiguration,"
			+ "io.schemagate.autoconfigure.metrics.SchemagateMetricsAutoConfiguration";

	static final List<Variant> SERVICES = List.of(
			new Variant("floor", "no schema check", "--spring.flyway.enabled=false"),
			new Variant("floor+conn", "no schema check; pool opened, one query", "--spring.flyway.enabled=false",
					"--bench.touch-database=true"),
			new Variant("engine+conn",
					"no schema check, but Boot builds Flyway's engine; a FlywayMigrationStrategy opens the pool and "
							+ "runs one query",
					"--bench.strategy=connect"),
			new Variant("boot-default", "Boot's default: Flyway migrate, nothing pending", WITHOUT_SCHEMAGATE),
			new Variant("validate", "a FlywayMigrationStrategy calling validate()", "--bench.strategy=validate"),
			new Variant("verify", "Schemagate verify", "--db.mode=verify"));

	/** The services started with their migrations inside the jar. */
	static final List<Variant> FAT_JAR = SERVICES.stream()
		.filter((variant) -> !variant.name().equals("validate"))
		.toList();

	static final List<Variant> JOBS = List.of(
			new Variant("boot-default-job", "Boot's default as a job: migrate, nothing pending, no web server",
					WITHOUT_SCHEMAGATE, "--spring.main.web-application-type=none"),
			new Variant("migrate", "Schemagate migrate, nothing pending", "--db.mode=migrate"));

	private final Path jar;

	private final Path logs;

	private final BenchDatabase database;

	private final Function<MigrationSet, String> location;

	StartupBenchmark(Path jar, Path logs, BenchDatabase database) {
		this(jar, logs, database, MigrationSet::location);
	}

	private StartupBenchmark(Path jar, Path logs, BenchDatabase database, Function<MigrationSet, String> location) {
		this.jar = jar;
		this.logs = logs;
		this.database = database;
		this.location = location;
	}

	/**
	 * The same starts of another jar, which holds the migrations on its classpath.
	 * @param jar the jar with the migrations inside
	 * @param logs where its services' logs go
	 * @return the benchmark
	 */
	StartupBenchmark inJar(Path jar, Path logs) {
		return new StartupBenchmark(jar, logs, this.database, (set) -> FatJar.LOCATION);
	}

	/**
	 * Start every variant {@code repetitions} times on one database.
	 * @return the samples, by variant name
	 */
	Map<String, Samples> run(MigrationSet set, String databaseName, int repetitions) {
		List<Variant> all = new ArrayList<>(SERVICES);
		all.addAll(JOBS);
		return run(set, databaseName, all, List.of(), repetitions);
	}

	/**
	 * Start each of the variants {@code repetitions} times on one database, with the same
	 * extra arguments for all.
	 * @return the samples, by variant name, and CPU times of the services
	 */
	Map<String, Samples> run(MigrationSet set, String databaseName, List<Variant> variants, List<String> extra,
			int repetitions) {
		Map<String, Samples> results = new LinkedHashMap<>();
		variants.forEach((variant) -> results.put(variant.name(), new Samples()));
		variants.stream()
			.filter((variant) -> !JOBS.contains(variant))
			.forEach((variant) -> results.put(cpu(variant.name()), new Samples()));
		String label = extra.isEmpty() ? Integer.toString(set.size()) : String.join("", extra).replaceAll("\\W", "");
		// one unmeasured start first: the OS's file cache, not the variant, pays for
		// the first read of the jar and the scripts
		time(set, databaseName, variants.get(0), extra, label + "-warmup");
		for (int repetition = 1; repetition <= repetitions; repetition++) {
			for (Variant variant : variants) {
				List<String> arguments = arguments(set, databaseName, variant);
				arguments.addAll(extra);
				try (ServiceProcess process = ServiceProcess.start(this.jar,
						this.logs.resolve(label + "-" + variant.name() + "-" + repetition + ".log"), arguments)) {
					if (JOBS.contains(variant)) {
						results.get(variant.name()).add(process.awaitExit(0));
					}
					else {
						results.get(variant.name()).add(process.awaitReady());
						results.get(cpu(variant.name())).add(process.cpuAtReady());
					}
				}
			}
			System.out.printf("  %s: repetition %d of %d done%n", label, repetition, repetitions);
		}
		return results;
	}

	/**
	 * Statements each service variant sent while starting, counted in a separate start.
	 * @return the counts, by variant name
	 */
	Map<String, Long> countStatements(MigrationSet set, String databaseName) {
		Map<String, Long> counts = new LinkedHashMap<>();
		for (Variant variant : SERVICES) {
			List<String> arguments = arguments(set, databaseName, variant);
			arguments.add("--bench.count-statements=true");
			try (ServiceProcess process = ServiceProcess.start(this.jar, log(set, variant, "count"), arguments)) {
				counts.put(variant.name(), process.statementsAtReady());
			}
		}
		return counts;
	}

	/**
	 * The key of a service variant's CPU time samples.
	 * @param variant the variant's name
	 * @return the key
	 */
	static String cpu(String variant) {
		return variant + "/cpu";
	}

	private double time(MigrationSet set, String databaseName, Variant variant, List<String> extra, String run) {
		List<String> arguments = arguments(set, databaseName, variant);
		arguments.addAll(extra);
		try (ServiceProcess process = ServiceProcess.start(this.jar, this.logs.resolve(run + ".log"), arguments)) {
			return JOBS.contains(variant) ? process.awaitExit(0) : process.awaitReady();
		}
	}

	List<String> arguments(MigrationSet set, String databaseName, Variant variant) {
		List<String> arguments = new ArrayList<>(List.of("--spring.datasource.url=" + this.database.url(databaseName),
				"--spring.datasource.username=" + this.database.username(),
				"--spring.datasource.password=" + this.database.password(),
				"--spring.flyway.locations=" + this.location.apply(set), "--server.port=0"));
		arguments.addAll(variant.arguments());
		if (arguments.stream().noneMatch((argument) -> argument.startsWith("--bench.exit-when-ready="))) {
			arguments.add("--bench.exit-when-ready=true");
		}
		return arguments;
	}

	private Path log(MigrationSet set, Variant variant, String run) {
		return this.logs.resolve(set.size() + "-" + variant.name() + "-" + run + ".log");
	}

	/**
	 * One way to start the service.
	 *
	 * @param name the column name
	 * @param description what it is
	 * @param arguments what makes it so
	 */
	record Variant(String name, String description, List<String> arguments) {

		Variant(String name, String description, String... arguments) {
			this(name, description, List.of(arguments));
		}

	}

}
