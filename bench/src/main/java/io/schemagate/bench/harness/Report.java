package io.schemagate.bench.harness;

import java.lang.management.ManagementFactory;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import org.flywaydb.core.internal.license.VersionPrinter;

import org.springframework.boot.SpringBootVersion;

import io.schemagate.bench.harness.StartupBenchmark.Variant;

/**
 * Collects the figures and renders them as the Markdown of {@code bench/RESULTS.md}:
 * medians, ratios side by side, and the targets with whether each was met.
 */
final class Report {

	private final String database;

	private final List<Integer> sizes;

	private final int repetitions;

	private final Map<Integer, Map<String, Samples>> startup = new LinkedHashMap<>();

	private final Map<Integer, Map<String, Samples>> fatJar = new LinkedHashMap<>();

	private final Map<Integer, Map<String, StepBenchmark.Result>> steps = new LinkedHashMap<>();

	private final List<String[]> targets = new ArrayList<>();

	private Map<String, Long> startupStatements = Map.of();

	private int statementsSize;

	private ProbeBenchmark.Result probes;

	private int probeSize;

	private Samples[] lockWait;

	private TenantBenchmark.Result tenants;

	Report(String database, List<Integer> sizes, int repetitions) {
		this.database = database;
		this.sizes = sizes;
		this.repetitions = repetitions;
	}

	void startup(int size, Map<String, Samples> samples) {
		this.startup.put(size, samples);
	}

	void fatJar(int size, Map<String, Samples> samples) {
		this.fatJar.put(size, samples);
	}

	void steps(int size, Map<String, StepBenchmark.Result> results) {
		this.steps.put(size, results);
	}

	void startupStatements(int size, Map<String, Long> counts) {
		this.statementsSize = size;
		this.startupStatements = counts;
	}

	void probes(int size, ProbeBenchmark.Result result) {
		this.probeSize = size;
		this.probes = result;
	}

	void tenants(TenantBenchmark.Result result) {
		this.tenants = result;
	}

	void lockWait(Samples[] samples) {
		this.lockWait = samples;
	}

	String render(double seconds) {
		StringBuilder out = new StringBuilder();
		out.append("# Benchmark results\n\n");
		out.append(line(
				"Run with `bench/run.sh` on %s in %.0f s. Medians: of %d process starts per variant and size (twice as many at 1,000 migrations), "
						+ "of 7 in-process runs per step.",
				LocalDate.now(), seconds, this.repetitions));
		out.append(line("Machine: %d cores, %.0f GiB of memory, %s %s; Java %s.",
				Runtime.getRuntime().availableProcessors(),
				((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
					.getTotalMemorySize() / 1073741824.0,
				System.getProperty("os.name"), System.getProperty("os.arch"), System.getProperty("java.version")));
		out.append(line("Spring Boot %s, Flyway %s, %s on the same machine.", SpringBootVersion.getVersion(),
				VersionPrinter.getVersion(), this.database));
		out.append("\n");
		renderStartup(out);
		renderFatJar(out);
		renderSteps(out);
		renderProbes(out);
		renderLockWait(out);
		renderTenants(out);
		out.append("## Targets\n\n| target | measured | met |\n|---|---|---|\n");
		this.targets.forEach((row) -> out.append("| ").append(String.join(" | ", row)).append(" |\n"));
		return out.toString();
	}

	private void renderStartup(StringBuilder out) {
		out.append("## 1. Service startup, launch to ready (s)\n\n");
		out.append("The same jar each time; only properties change. ");
		for (Variant variant : StartupBenchmark.SERVICES) {
			out.append("`").append(variant.name()).append("`: ").append(variant.description()).append(". ");
		}
		out.append("\n\n");
		serviceTable(out, (name) -> name, "verify startup ≤ 1.05 × floor+conn at 1,000 migrations");
		out.append("\nThe CPU time each service had used when it was ready (s), from the same starts: other work on a "
				+ "shared machine disturbs it less than the time to ready.\n\n");
		serviceTable(out, StartupBenchmark::cpu, "the same in CPU time");
		out.append("\n### Migration job, launch to exit (s)\n\n");
		out.append("| migrations | boot-default-job | migrate | migrate / boot-default-job |\n|---:|---:|---:|---:|\n");
		double worst = 0;
		for (var entry : this.startup.entrySet()) {
			double boot = median(entry.getValue(), "boot-default-job");
			double migrate = median(entry.getValue(), "migrate");
			worst = Math.max(worst, migrate / boot);
			out.append(String.format(Locale.ROOT, "| %,d | %.2f | %.2f | %.3f |\n", entry.getKey(), boot / 1000,
					migrate / 1000, migrate / boot));
		}
		target("migrate job, nothing pending, no slower than Boot's default", "at most %.3f ×".formatted(worst),
				worst <= 1.0);
		if (!this.startupStatements.isEmpty()) {
			out.append(String.format(Locale.ROOT, "%nStatements sent while starting, %,d migrations: ",
					this.statementsSize));
			this.startupStatements
				.forEach((name, count) -> out.append("`").append(name).append("` ").append(count).append(", "));
			out.setLength(out.length() - 2);
			out.append(".\n");
		}
		out.append("\n");
	}

	private void serviceTable(StringBuilder out, Function<String, String> key, String target) {
		out.append("| migrations |");
		StartupBenchmark.SERVICES.forEach((variant) -> out.append(" ").append(variant.name()).append(" |"));
		out.append(" verify / floor+conn | engine+conn / floor+conn | verify / engine+conn | verify / boot-default |"
				+ " boot-default / floor+conn | validate / floor+conn |\n");
		out.append("|---:|").append("---:|".repeat(StartupBenchmark.SERVICES.size() + 6)).append("\n");
		for (var entry : this.startup.entrySet()) {
			Map<String, Samples> row = entry.getValue();
			out.append(String.format(Locale.ROOT, "| %,d |", entry.getKey()));
			StartupBenchmark.SERVICES.forEach((variant) -> out
				.append(String.format(Locale.ROOT, " %.2f |", median(row, key.apply(variant.name())) / 1000)));
			double verify = median(row, key.apply("verify"));
			double floor = median(row, key.apply("floor+conn"));
			double engine = median(row, key.apply("engine+conn"));
			double boot = median(row, key.apply("boot-default"));
			out.append(String.format(Locale.ROOT, " %.3f | %.3f | %.3f | %.3f | %.3f | %.3f |\n", verify / floor,
					engine / floor, verify / engine, verify / boot, boot / floor,
					median(row, key.apply("validate")) / floor));
			if (entry.getKey() == 1000) {
				target(target, "%.3f ×".formatted(verify / floor), verify / floor <= 1.05);
			}
		}
	}

	private void renderFatJar(StringBuilder out) {
		if (this.fatJar.isEmpty()) {
			return;
		}
		out.append("### Migrations inside the jar\n\n");
		out.append("The service jar with the migrations in `BOOT-INF/classes/db/migration` "
				+ "(`spring.flyway.locations=classpath:db/migration`), as services ship them; the same variants. "
				+ "Each ratio in time to ready, then in CPU time at ready. Medians of ");
		this.fatJar.forEach((size, row) -> out
			.append(String.format(Locale.ROOT, "%d starts at %,d migrations, ", row.get("verify").size(), size)));
		out.setLength(out.length() - 2);
		out.append(".\n\n");
		out.append("| migrations |");
		StartupBenchmark.FAT_JAR.forEach((variant) -> out.append(" ").append(variant.name()).append(" |"));
		out.append(" verify / floor+conn | CPU | verify / boot-default | CPU | verify / engine+conn | CPU "
				+ "| boot-default / floor+conn | CPU |\n");
		out.append("|---:|").append("---:|".repeat(StartupBenchmark.FAT_JAR.size() + 8)).append("\n");
		for (var entry : this.fatJar.entrySet()) {
			Map<String, Samples> row = entry.getValue();
			int size = entry.getKey();
			out.append(String.format(Locale.ROOT, "| %,d |", size));
			StartupBenchmark.FAT_JAR.forEach(
					(variant) -> out.append(String.format(Locale.ROOT, " %.2f |", median(row, variant.name()) / 1000)));
			double[] ratios = { ratio(row, "verify", "floor+conn", (name) -> name),
					ratio(row, "verify", "floor+conn", StartupBenchmark::cpu),
					ratio(row, "verify", "boot-default", (name) -> name),
					ratio(row, "verify", "boot-default", StartupBenchmark::cpu),
					ratio(row, "verify", "engine+conn", (name) -> name),
					ratio(row, "verify", "engine+conn", StartupBenchmark::cpu),
					ratio(row, "boot-default", "floor+conn", (name) -> name),
					ratio(row, "boot-default", "floor+conn", StartupBenchmark::cpu) };
			for (double ratio : ratios) {
				out.append(String.format(Locale.ROOT, " %.3f |", ratio));
			}
			out.append("\n");
			if (size == 1000) {
				target("migrations in the jar: verify startup ≤ 1.05 × floor+conn at 1,000",
						"%.3f × (CPU %.3f ×)".formatted(ratios[0], ratios[1]), ratios[0] <= 1.05);
				target("migrations in the jar: verify startup ≥ 10% faster than Boot's default at 1,000",
						"%.3f × (CPU %.3f ×)".formatted(ratios[2], ratios[3]), ratios[2] <= 0.90);
			}
			if (size == 10_000) {
				target("migrations in the jar: verify startup ≤ 1.10 × floor+conn at 10,000",
						"%.3f × (CPU %.3f ×)".formatted(ratios[0], ratios[1]), ratios[0] <= 1.10);
			}
		}
		out.append("\n");
	}

	private static double ratio(Map<String, Samples> row, String variant, String base, Function<String, String> key) {
		return median(row, key.apply(variant)) / median(row, key.apply(base));
	}

	private void renderSteps(StringBuilder out) {
		out.append("## 2. The schema step alone, in process (ms), and 3. its statements\n\n");
		out.append(
				"A warm JVM, the pool open; each step builds its `Flyway` from the configuration as a startup does. ");
		out.append("`verify` is Schemagate's whole startup step (resolve the local migrations, one check); ");
		out.append("`check` is one more check by the same verifier, what each background refresh costs.\n\n");
		out.append(
				"| migrations | validate() | info() | migrate() | verify | check | Schemagate migrate | validate / verify |\n");
		out.append("|---:|---:|---:|---:|---:|---:|---:|---:|\n");
		for (var entry : this.steps.entrySet()) {
			Map<String, StepBenchmark.Result> row = entry.getValue();
			out.append(String.format(Locale.ROOT, "| %,d |", entry.getKey()));
			StepBenchmark.STEPS
				.forEach((step) -> out.append(String.format(Locale.ROOT, " %.1f |", row.get(step).samples().median())));
			double verify = row.get("verify").samples().median();
			double validate = row.get("validate").samples().median();
			out.append(String.format(Locale.ROOT, " %.1f × |\n", validate / verify));
			if (entry.getKey() == 1000) {
				target("verifier step ≤ 100 ms at 1,000 migrations", "%.1f ms".formatted(verify), verify <= 100);
			}
			if (entry.getKey() == 10_000) {
				target("verifier step ≤ 500 ms at 10,000 migrations", "%.1f ms".formatted(verify), verify <= 500);
				target("verifier ≥ 10 × faster than validate() at 10,000", "%.1f ×".formatted(validate / verify),
						validate / verify >= 10);
			}
		}
		out.append("\nStatements sent by one run of each step:\n\n");
		out.append("| migrations | validate() | info() | migrate() | verify | check | Schemagate migrate |\n");
		out.append("|---:|---:|---:|---:|---:|---:|---:|\n");
		long mostPerCheck = 0;
		for (var entry : this.steps.entrySet()) {
			out.append(String.format(Locale.ROOT, "| %,d |", entry.getKey()));
			StepBenchmark.STEPS
				.forEach((step) -> out.append(" ").append(entry.getValue().get(step).statements()).append(" |"));
			out.append("\n");
			mostPerCheck = Math.max(mostPerCheck,
					Math.max(entry.getValue().get("verify").statements(), entry.getValue().get("check").statements()));
		}
		target("≤ 2 statements per check", "%d".formatted(mostPerCheck), mostPerCheck <= 2);
		out.append("\n");
	}

	private void renderProbes(StringBuilder out) {
		if (this.probes == null) {
			return;
		}
		Samples latencies = this.probes.latencies();
		out.append(
				String.format(Locale.ROOT, "## 4. Readiness probes, verify mode, %,d migrations%n%n", this.probeSize));
		out.append("`/actuator/health/readiness` over loopback from the benchmark's JVM, on the same two cores as the "
				+ "service. Latency as the load generator saw it, from when each probe was due, and inside the "
				+ "service, from the servlet filter chain's start to its end.\n\n");
		out.append("| closed loop, 4 clients (req/s) | p50 at 200 req/s (ms) | p99 at 200 req/s (ms) | max (ms) "
				+ "| in service p50 (ms) | in service p99 (ms) | probes | statements | per probe |\n");
		out.append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
		out.append(String.format(Locale.ROOT, "| %.0f | %.2f | %.2f | %.2f | %.2f | %.2f | %,d | %d | %.4f |%n%n",
				this.probes.throughput(), latencies.median(), latencies.percentile(99), latencies.max(),
				this.probes.serviceP50(), this.probes.serviceP99(), this.probes.probes(), this.probes.statements(),
				this.probes.statementsPerProbe()));
		target("0 statements per probe", "%d in %,d probes".formatted(this.probes.statements(), this.probes.probes()),
				this.probes.statements() == 0);
		target("probe p99 < 10 ms at 200 req/s",
				"%.2f ms (%.2f ms inside the service)".formatted(latencies.percentile(99), this.probes.serviceP99()),
				latencies.percentile(99) < 10);
	}

	private void renderLockWait(StringBuilder out) {
		if (this.lockWait == null) {
			return;
		}
		out.append("## 5. Two migrate jobs at once: how long the waiting one ends after the lock frees (ms)\n\n");
		out.append("| jobs | median | max |\n|---|---:|---:|\n");
		out.append(String.format(Locale.ROOT, "| Flyway migrate() | %.0f | %.0f |%n", this.lockWait[0].median(),
				this.lockWait[0].max()));
		out.append(String.format(Locale.ROOT, "| Schemagate migrate | %.0f | %.0f |%n%n", this.lockWait[1].median(),
				this.lockWait[1].max()));
		target("a waiting job does not sleep a whole second per lock retry",
				"median %.0f ms, max %.0f ms".formatted(this.lockWait[1].median(), this.lockWait[1].max()),
				this.lockWait[1].max() < 1000);
	}

	private void renderTenants(StringBuilder out) {
		if (this.tenants == null) {
			return;
		}
		TenantBenchmark.Result result = this.tenants;
		out.append(String.format(Locale.ROOT, "## 6. A schema per tenant: %d schemas of %d migrations each%n%n",
				result.tenants(), result.migrations()));
		out.append("In process, a warm JVM, a pool of 4: Flyway's `validate()` of each tenant in turn, as applications "
				+ "write it today, against Schemagate's startup step for all of them (each target's verifier made, "
				+ "then one check of every target, 8 at a time), both given the tenants' `Flyway` objects, as an application "
				+ "has them. Medians of " + result.validate().size() + " runs (ms).\n\n");
		double validate = result.validate().median();
		double verify = result.verify().median();
		double validateCpu = result.validateCpu().median();
		double verifyCpu = result.verifyCpu().median();
		out.append("| | validate() each in turn | Schemagate verify | validate / verify |\n|---|---:|---:|---:|\n");
		out.append(
				String.format(Locale.ROOT, "| time | %.0f | %.0f | %.1f × |%n", validate, verify, validate / verify));
		out.append(String.format(Locale.ROOT, "| CPU time of this JVM | %.0f | %.0f | %.1f × |%n%n", validateCpu,
				verifyCpu, validateCpu / verifyCpu));
		target("%d tenants: verify ≥ 10 × faster than validate() of each in turn".formatted(result.tenants()),
				"%.1f ×".formatted(validate / verify), validate / verify >= 10);
		out.append("Service starts, launch to ready (s), the tenants added by a `SchemagateTargets` bean; ");
		for (Variant variant : TenantBenchmark.SERVICES) {
			out.append("`").append(variant.name()).append("`: ").append(variant.description()).append(". ");
		}
		out.append("\n\n| |");
		TenantBenchmark.SERVICES.forEach((variant) -> out.append(" ").append(variant.name()).append(" |"));
		out.append(" verify − floor+tenants | validate-each − floor+tenants |\n|---|");
		out.append("---:|".repeat(TenantBenchmark.SERVICES.size() + 2)).append("\n");
		double added = 0;
		for (String kind : List.of("time to ready", "CPU time")) {
			Function<String, String> key = kind.equals("CPU time") ? StartupBenchmark::cpu : (name) -> name;
			Map<String, Samples> row = result.starts();
			out.append("| ").append(kind).append(" |");
			TenantBenchmark.SERVICES.forEach((variant) -> out
				.append(String.format(Locale.ROOT, " %.2f |", median(row, key.apply(variant.name())) / 1000)));
			double floor = median(row, key.apply("floor+tenants"));
			double verifyStart = median(row, key.apply("verify")) - floor;
			out.append(String.format(Locale.ROOT, " %.2f | %.2f |%n", verifyStart / 1000,
					(median(row, key.apply("validate-each")) - floor) / 1000));
			if (kind.equals("time to ready")) {
				added = verifyStart;
			}
		}
		out.append("\n");
		target("%d tenants: verify adds < 1 s to startup".formatted(result.tenants()), "%.2f s".formatted(added / 1000),
				added < 1000);
	}

	private void target(String target, String measured, boolean met) {
		this.targets.add(new String[] { target, measured, met ? "yes" : "**no**" });
	}

	private static double median(Map<String, Samples> row, String name) {
		return row.get(name).median();
	}

	private static String line(String format, Object... values) {
		return String.format(Locale.ROOT, format, values) + "\n";
	}

}
