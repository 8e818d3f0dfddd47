package io.schemagate.bench.harness;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.IntStream;

import javax.sql.DataSource;

import com.sun.management.OperatingSystemMXBean;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;

import io.schemagate.bench.app.BenchTenants;
import io.schemagate.internal.check.SchemaMonitor;
import io.schemagate.internal.check.SchemaVerifier;
import io.schemagate.internal.local.SharedScans;
import io.schemagate.verify.SchemaState;

/**
 * Part 6: a schema per tenant. The schema step for every tenant in process, Schemagate's
 * check of all targets against Flyway's {@code validate()} of each in turn (what
 * applications write today), both given the same tenants' {@code Flyway} objects; and
 * whole-process starts of the service with the tenants added by a
 * {@code SchemagateTargets} bean, against a service that builds the same tenants'
 * {@code Flyway} objects and checks nothing.
 */
final class TenantBenchmark {

	static final List<StartupBenchmark.Variant> SERVICES = List.of(new StartupBenchmark.Variant("floor+tenants",
			"no schema check; each tenant's Flyway built, pool opened, one query", "--spring.flyway.enabled=false",
			"--bench.tenant-check=none", "--bench.touch-database=true", StartupBenchmark.WITHOUT_SCHEMAGATE),
			new StartupBenchmark.Variant("validate-each",
					"Flyway's validate() for each tenant in turn while the context starts",
					"--spring.flyway.enabled=false", "--bench.tenant-check=validate",
					StartupBenchmark.WITHOUT_SCHEMAGATE),
			new StartupBenchmark.Variant("verify", "Schemagate verify of every tenant (a SchemagateTargets bean)",
					"--spring.flyway.enabled=false", "--bench.tenant-check=schemagate", "--db.mode=verify"));

	private final BenchDatabase database;

	private final StartupBenchmark startup;

	TenantBenchmark(BenchDatabase database, StartupBenchmark startup) {
		this.database = database;
		this.startup = startup;
	}

	/**
	 * Measure {@code tenants} schemas, each holding the whole {@code set}.
	 * @return the figures
	 */
	Result run(MigrationSet set, int tenants, int runs, int starts) {
		String name = this.database.prepareTenants(set, tenants);
		Samples validate = new Samples();
		Samples verify = new Samples();
		Samples validateCpu = new Samples();
		Samples verifyCpu = new Samples();
		try (HikariDataSource pool = this.database.dataSource(name, 4)) {
			// the application has each tenant's Flyway before either step runs
			List<Flyway> flyways = IntStream.range(0, tenants).mapToObj((tenant) -> flyway(set, tenant, pool)).toList();
			// one unmeasured round of each: the JIT, not either step, pays for the first
			flyways.forEach(Flyway::validate);
			verifyAll(flyways);
			for (int run = 0; run < runs; run++) {
				measure(() -> flyways.forEach(Flyway::validate), validate, validateCpu);
				measure(() -> verifyAll(flyways), verify, verifyCpu);
			}
		}
		System.out.printf("  %d tenants: schema steps measured%n", tenants);
		List<String> extra = List.of("--bench.tenants=" + tenants);
		Map<String, Samples> processes = this.startup.run(set, name, SERVICES, extra, starts);
		return new Result(tenants, set.size(), validate, verify, validateCpu, verifyCpu, processes);
	}

	private static void verifyAll(List<Flyway> flyways) {
		Map<String, Supplier<SchemaVerifier>> verifiers = new LinkedHashMap<>();
		// as the auto-configuration does: tenants alike read their scripts once
		SharedScans scans = new SharedScans();
		for (int tenant = 0; tenant < flyways.size(); tenant++) {
			Flyway flyway = flyways.get(tenant);
			verifiers.put(BenchTenants.schema(tenant),
					() -> SchemaVerifier.of(flyway.getConfiguration(), Duration.ofSeconds(10), true, scans));
		}
		SchemaMonitor monitor = SchemaMonitor.ofTargets(verifiers, Duration.ofSeconds(1), Duration.ZERO, Duration.ZERO,
				(status) -> {
				});
		try {
			monitor.verifiers();
			SchemaState state = monitor.check().state();
			if (state != SchemaState.READY) {
				throw new IllegalStateException("The tenant schemas are " + state + ", not READY");
			}
		}
		finally {
			monitor.close();
		}
	}

	private static Flyway flyway(MigrationSet set, int tenant, DataSource dataSource) {
		return Flyway.configure()
			.dataSource(dataSource)
			.schemas(BenchTenants.schema(tenant))
			.locations(set.location())
			.load();
	}

	/**
	 * Run an action, adding the time it took and the CPU time this JVM used meanwhile, on
	 * all its threads.
	 */
	private static void measure(Runnable action, Samples time, Samples cpu) {
		OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
		long cpuBefore = os.getProcessCpuTime();
		long started = System.nanoTime();
		action.run();
		time.addNanos(System.nanoTime() - started);
		cpu.addNanos(os.getProcessCpuTime() - cpuBefore);
	}

	/**
	 * What the tenant part measured.
	 *
	 * @param tenants how many tenant schemas
	 * @param migrations migrations in each
	 * @param validate in process: Flyway's {@code validate()} of each tenant in turn
	 * @param verify in process: Schemagate's verifiers made and one check of all, 8 at a
	 * time
	 * @param validateCpu the CPU time this JVM used for {@code validate}
	 * @param verifyCpu the CPU time this JVM used for {@code verify}
	 * @param starts process starts, launch to ready, and their CPU times, by variant
	 */
	record Result(int tenants, int migrations, Samples validate, Samples verify, Samples validateCpu, Samples verifyCpu,
			Map<String, Samples> starts) {
	}

}
