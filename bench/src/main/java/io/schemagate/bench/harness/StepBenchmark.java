package io.schemagate.bench.harness;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;

import io.schemagate.bench.app.StatementCounter;
import io.schemagate.internal.check.SchemaVerifier;
import io.schemagate.internal.migrate.SchemaMigrator;
import io.schemagate.migrate.MigrateExitCode;
import io.schemagate.verify.SchemaState;

/**
 * Parts 2 and 3: the schema step alone, in this JVM once warm, and the statements it
 * sends. Each step starts from a new {@link Flyway} built from the configuration, as a
 * service's startup does (verify from the configuration alone, as its startup does when
 * nothing needs Flyway's engine); the pool is open already, as Boot's is when the step
 * runs.
 */
final class StepBenchmark {

	static final List<String> STEPS = List.of("validate", "info", "migrate", "verify", "check", "sg-migrate");

	private final StatementCounter statements = new StatementCounter();

	/**
	 * Run each step {@code repetitions} times, after one unmeasured run.
	 * @return the step's samples and statement count, by step name
	 */
	Map<String, Result> run(MigrationSet set, HikariDataSource pool, int repetitions) {
		DataSource counted = this.statements.wrap(pool);
		Map<String, Result> results = new LinkedHashMap<>();
		SchemaVerifier verifier = SchemaVerifier.of(flyway(set, counted).getConfiguration(), Duration.ofSeconds(10));
		for (String step : STEPS) {
			Runnable action = switch (step) {
				case "validate" -> () -> flyway(set, counted).validate();
				case "info" -> () -> flyway(set, counted).info();
				case "migrate" -> () -> flyway(set, counted).migrate();
				case "verify" ->
					() -> expectReady(SchemaVerifier.of(configuration(set, counted), Duration.ofSeconds(10)));
				case "check" -> () -> expectReady(verifier);
				case "sg-migrate" -> () -> expectSuccess(new SchemaMigrator().migrate(flyway(set, counted)).exitCode());
				default -> throw new IllegalArgumentException(step);
			};
			action.run();
			Samples samples = new Samples();
			long sent = 0;
			for (int i = 0; i < repetitions; i++) {
				long before = this.statements.count();
				long started = System.nanoTime();
				action.run();
				samples.addNanos(System.nanoTime() - started);
				sent = this.statements.count() - before;
			}
			results.put(step, new Result(samples, sent));
		}
		return results;
	}

	private static Flyway flyway(MigrationSet set, DataSource dataSource) {
		return configuration(set, dataSource).load();
	}

	/**
	 * The configuration without Flyway's engine, as verify's startup makes it when the
	 * application has nothing that needs the engine.
	 */
	private static FluentConfiguration configuration(MigrationSet set, DataSource dataSource) {
		return Flyway.configure().dataSource(dataSource).locations(set.location());
	}

	private static void expectReady(SchemaVerifier verifier) {
		SchemaState state = verifier.check().state();
		if (state != SchemaState.READY) {
			throw new IllegalStateException("The bench database is " + state + ", not READY");
		}
	}

	private static void expectSuccess(MigrateExitCode exitCode) {
		if (exitCode != MigrateExitCode.SUCCESS) {
			throw new IllegalStateException("Schemagate migrate ended with " + exitCode);
		}
	}

	/**
	 * A step's times and the statements one run of it sent.
	 *
	 * @param samples the times
	 * @param statements statements sent by the last run
	 */
	record Result(Samples samples, long statements) {
	}

}
