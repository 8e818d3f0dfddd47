package io.schemagate.bench.harness;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import javax.sql.DataSource;

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
 * applications write today), and whole-process starts of the service with the tenants
 * added by a {@code SchemagateTargets} bean, against the floor with a connection.
 */
final class TenantBenchmark {

	static final List<StartupBenchmark.Variant> SERVICES = List.of(
			new StartupBenchmark.Variant("floor+conn", "no schema check; pool opened, one query",
					"--spring.flyway.enabled=false", "--bench.touch-database=true"),
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
		try (HikariDataSource pool = this.database.dataSource(name, 4)) {
			// one unmeasured round of each: the JIT, not either step, pays for the first
			validateEach(set, tenants, pool);
			verifyAll(set, tenants, pool);
			for (int run = 0; run < runs; run++) {
				validate.addNanos(time(() -> validateEach(set, tenants, pool)));
				verify.addNanos(time(() -> verifyAll(set, tenants, pool)));
			}
		}
		System.out.printf("  %d tenants: schema steps measured%n", tenants);
		List<String> extra = List.of("--bench.tenants=" + tenants);
		Map<String, Samples> processes = this.startup.run(set, name, SERVICES, extra, starts);
		return new Result(tenants, set.size(), validate, verify, processes);
	}

	private static void validateEach(MigrationSet set, int tenants, DataSource dataSource) {
		for (int tenant = 0; tenant < tenants; tenant++) {
			flyway(set, tenant, dataSource).validate();
		}
	}

	private static void verifyAll(MigrationSet set, int tenants, DataSource dataSource) {
		Map<String, Supplier<SchemaVerifier>> verifiers = new LinkedHashMap<>();
		// as the auto-configuration does: tenants alike read their scripts once
		SharedScans scans = new SharedScans();
		for (int tenant = 0; tenant < tenants; tenant++) {
			int number = tenant;
			verifiers.put(BenchTenants.schema(tenant), () -> SchemaVerifier
				.of(flyway(set, number, dataSource).getConfiguration(), Duration.ofSeconds(10), true, scans));
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

	private static long time(Runnable action) {
		long started = System.nanoTime();
		action.run();
		return System.nanoTime() - started;
	}

	/**
	 * What the tenant part measured.
	 *
	 * @param tenants how many tenant schemas
	 * @param migrations migrations in each
	 * @param validate in process: Flyway's {@code validate()} of each tenant in turn
	 * @param verify in process: Schemagate's verifiers made and one check of all
	 * @param starts process starts, launch to ready, and their CPU times, by variant
	 */
	record Result(int tenants, int migrations, Samples validate, Samples verify, Map<String, Samples> starts) {
	}

}
