package io.schemagate.sample;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.jdbc.core.JdbcTemplate;

import io.schemagate.sample.ServiceClient.Response;
import io.schemagate.sample.ServiceClient.SchemaDetails;
import io.schemagate.testsupport.DatabaseKind;
import io.schemagate.testsupport.TestDatabase;
import io.schemagate.testsupport.TestDatabaseExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * A rollout rehearsed as Kubernetes runs it, with real processes and real jars on real
 * PostgreSQL: the services of version 1 start before their migration job has run, the job
 * migrates with DDL credentials the services never get; version 2's job changes a
 * repeatable view, adds one and adds a column while version 1 serves without a single
 * unready probe; a broken job fails without disturbing anyone; version 3's declared
 * breaking migration takes version 1 out of service and keeps it out, while version 2
 * serves on; and the rollback from version 3 to version 2 works.
 */
class RolloutRehearsalIT {

	/**
	 * Two service JVMs starting side by side: 5 to 8 s here, 60 s for a loaded machine.
	 */
	private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

	/** A job JVM, up to five side by side: 4 to 10 s here. */
	private static final Duration EXIT_TIMEOUT = Duration.ofMinutes(2);

	/** The next poll (500 ms) after the job: under 1 s here. */
	private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

	private static final Pattern STATE_CHANGE = Pattern.compile("Database schema state changed from (\\w+) to (\\w+)");

	private static final String V6 = """
			-- expand: version 2 files products by category and searches orders by status too
			ALTER TABLE products ADD COLUMN category VARCHAR(40);
			CREATE INDEX idx_orders_customer_status ON orders (customer, status, created_at);
			""";

	private static final String CATEGORIES_VIEW = """
			CREATE OR REPLACE VIEW product_categories AS
			SELECT id, name, COALESCE(category, 'bread') AS category FROM products;
			""";

	private static final String V7_BROKEN = "INSERT INTO no_such_table VALUES (1);\n";

	private static final String V7_BREAKING = """
			-- contract: version 1 searched orders through this index; version 2 no longer does
			-- schemagate:breaks-before 6
			DROP INDEX idx_orders_customer;
			""";

	@TempDir
	Path workingDirectory;

	@RegisterExtension
	final TestDatabaseExtension postgres = new TestDatabaseExtension(DatabaseKind.POSTGRESQL);

	private final List<SampleProcess> processes = new ArrayList<>();

	private DatabaseRoles roles;

	@Test
	void rolloutAsKubernetesRunsIt() throws Exception {
		this.roles = DatabaseRoles.create(database());
		Path v1 = SampleProcess.jar();
		Path v2 = SampleJars.withMigrations(v1, this.workingDirectory.resolve("v2.jar"),
				Map.of("V6__add_product_category.sql", V6, "R__order_totals_view.sql", changedTotalsView(v1),
						"R__product_categories_view.sql", CATEGORIES_VIEW));
		Path v2Broken = SampleJars.withMigration(v2, this.workingDirectory.resolve("v2.1.jar"), "V7__broken.sql",
				V7_BROKEN);
		Path v3 = SampleJars.withMigration(v2, this.workingDirectory.resolve("v3.jar"),
				"V7__drop_old_customer_index.sql", V7_BREAKING);
		try {
			List<ServiceClient> v1Services = servicesStartUnreadyOnEmptyDatabase(v1);
			migrationJobMakesThemReady(v1, v1Services);
			runtimeRoleCannotRunDdlButServes(v1Services);
			ServiceClient v2Service = version2MigratesWhileVersion1ServesWithoutABlip(v2, v1Services);
			brokenJobFailsAndNobodyNotices(v2Broken, v1Services, v2Service);
			breakingVersion3TakesVersion1OutOfService(v3, v1, v1Services, v2Service);
			rollbackFromVersion3ToVersion2(v2);
		}
		catch (Throwable ex) {
			this.processes.forEach((process) -> System.out.println("--- " + process + " ---\n" + process.output()));
			throw ex;
		}
		finally {
			SampleProcess.closeAll(this.processes);
		}
	}

	/**
	 * Version 2's order totals view: one more column, appended as PostgreSQL requires.
	 */
	private static String changedTotalsView(Path v1) {
		String view = SampleJars.migration(v1, "R__order_totals_view.sql");
		String changed = view.replace("AS total_cents\n",
				"AS total_cents,\n\tCAST(COUNT(DISTINCT l.product_id) AS INTEGER) AS product_count\n");
		assertThat(changed).as("version 2's view").isNotEqualTo(view);
		return changed;
	}

	private List<ServiceClient> servicesStartUnreadyOnEmptyDatabase(Path v1) {
		step("step 1: two version-1 services start on the empty database with on-startup=start-unready");
		List<ServiceClient> services = startServices(v1, "v1-service-a", "v1-service-b");
		// Not only unready once: unready over several checks (poll interval 500ms)
		// during: a lower bound, not a deadline; atMost leaves 8 s for the probes
		await("services stay unready").during(Duration.ofSeconds(2))
			.atMost(Duration.ofSeconds(10))
			.pollInterval(Duration.ofMillis(250))
			.untilAsserted(() -> services.forEach((service) -> {
				assertThat(service.readiness()).as(service + " readiness").isEqualTo(503);
				assertThat(service.liveness()).as(service + " liveness").isEqualTo(200);
				assertThat(service.schema().state()).as(service + " schema").isEqualTo("BEHIND");
			}));
		services.forEach((service) -> step("  %s: readiness 503, liveness 200, schema BEHIND", service));
		return services;
	}

	private void migrationJobMakesThemReady(Path v1, List<ServiceClient> services) {
		step("step 2: the version-1 migration job runs (DB_MODE=migrate, migrator credentials)");
		SampleProcess job = runJob("v1-migrate", v1, 0);
		assertThat(job.output()).contains("Migration successful: applied 6 migration(s)");
		this.roles.protectHistory();
		long started = System.nanoTime();
		for (ServiceClient service : services) {
			service.awaitReadiness(200, READY_TIMEOUT);
			SchemaDetails schema = service.schema();
			assertThat(schema.state()).isEqualTo("READY");
			assertThat(schema.appliedVersion()).isEqualTo("5");
			step("  %s: readiness 200 within %d ms of the job's exit, schema READY at version 5", service,
					Duration.ofNanos(System.nanoTime() - started).toMillis());
		}
	}

	private void runtimeRoleCannotRunDdlButServes(List<ServiceClient> services) throws SQLException {
		step("step 2b: the services' runtime role cannot run DDL nor rewrite the history, yet the services serve");
		try (Connection connection = this.roles.runtimeDataSource().getConnection();
				Statement statement = connection.createStatement()) {
			assertPermissionDenied(statement, "CREATE TABLE intruder(id int)");
			assertPermissionDenied(statement, "DROP TABLE products");
			assertPermissionDenied(statement, "DELETE FROM flyway_schema_history");
			assertPermissionDenied(statement, "DELETE FROM schemagate_compatibility");
			try (ResultSet rows = statement.executeQuery("SELECT count(*) FROM flyway_schema_history")) {
				assertThat(rows.next()).isTrue();
				assertThat(rows.getInt(1)).as("history rows the runtime role can read").isEqualTo(6);
			}
		}
		Response products = services.get(0).get("/products");
		assertThat(products.status()).isEqualTo(200);
		assertThat(products.body()).contains("Sourdough loaf", "Cinnamon bun");
		long productId = products.<Number>json("$[0].id").longValue();
		Response order = services.get(1)
			.post("/orders",
					"{\"customer\":\"Rehearsal\",\"lines\":[{\"productId\":" + productId + ",\"quantity\":2}]}");
		assertThat(order.status()).as(order.body()).isEqualTo(201);
		assertThat(order.body()).contains("Rehearsal");
		step("  %s: GET /products 200 (6 seed products); %s: POST /orders 201", services.get(0), services.get(1));
	}

	private ServiceClient version2MigratesWhileVersion1ServesWithoutABlip(Path v2, List<ServiceClient> v1Services) {
		step("step 3: version 2 (V6 adds a column and an index, changes the order totals view, adds a view) "
				+ "migrates while version 1 serves; readiness probed every 200 ms");
		try (ReadinessRecorder probes = new ReadinessRecorder(v1Services)) {
			SampleProcess job = runJob("v2-migrate", v2, 0);
			assertThat(job.output()).contains("Migration successful: applied 3 migration(s)");
			Instant migrated = Instant.now();
			for (ServiceClient service : v1Services) {
				SchemaDetails schema = service.awaitCheckAfter(migrated, READY_TIMEOUT);
				assertThat(schema.state()).as(service + " schema").isEqualTo("AHEAD");
				assertThat(schema.aheadBy()).as("V6, the changed view, the new view").isEqualTo(3);
				assertThat(schema.appliedVersion()).isEqualTo("6");
				step("  %s: schema AHEAD by 3 (version 6, both views), readiness 200", service);
			}
			assertThat(probes.notReady()).as("readiness answers other than 200").isEmpty();
			step("  %d readiness probes of version 1 during and after the job: every one 200", probes.probes());
		}
		// The monitor logs every change of state: none went through an unready one
		v1Services.forEach((service) -> assertThat(stateChanges(service)).as(service + " state changes")
			.containsExactly("BEHIND -> READY", "READY -> AHEAD"));
		ServiceClient v2Service = startServices(v2, "v2-service").get(0);
		v2Service.awaitReadiness(200, READY_TIMEOUT);
		assertThat(v2Service.schema())
			.extracting(SchemaDetails::state, SchemaDetails::appliedVersion, SchemaDetails::aheadBy)
			.containsExactly("READY", "6", 0);
		step("  %s: readiness 200, schema READY at version 6", v2Service);
		return v2Service;
	}

	private void brokenJobFailsAndNobodyNotices(Path broken, List<ServiceClient> v1Services, ServiceClient v2Service) {
		step("step 4: a broken build of version 2 (V7__broken.sql) runs its migration job");
		List<ServiceClient> everyone = new ArrayList<>(v1Services);
		everyone.add(v2Service);
		try (ReadinessRecorder probes = new ReadinessRecorder(everyone)) {
			SampleProcess job = runJob("v2.1-migrate", broken, 2);
			assertThat(job.output()).contains("MIGRATION FAILED").contains("no_such_table");
			Instant failed = Instant.now();
			// PostgreSQL rolls the failed migration's transaction back: nothing is
			// recorded
			assertThat(appliedVersions()).containsExactly("1", "2", "3", "4", "5", null, "6", null, null);
			Map<ServiceClient, String> expected = new LinkedHashMap<>();
			v1Services.forEach((service) -> expected.put(service, "AHEAD"));
			expected.put(v2Service, "READY");
			expected.forEach((service, state) -> {
				SchemaDetails schema = service.awaitCheckAfter(failed, READY_TIMEOUT);
				assertThat(schema.state()).as(service + " schema").isEqualTo(state);
				assertThat(schema.appliedVersion()).isEqualTo("6");
			});
			assertThat(probes.notReady()).as("readiness answers other than 200").isEmpty();
		}
		assertThat(stateChanges(v2Service)).as(v2Service + " state changes").isEmpty();
		step("  history unchanged; v1 services AHEAD, v2 service READY, every readiness probe 200");
	}

	private void breakingVersion3TakesVersion1OutOfService(Path v3, Path v1, List<ServiceClient> v1Services,
			ServiceClient v2Service) {
		step("step 5: version 3's job applies V7, declared '-- schemagate:breaks-before 6'");
		SampleProcess job = runJob("v3-migrate", v3, 0);
		assertThat(job.output()).contains("Recorded 1 breaking migration(s)");
		for (ServiceClient service : v1Services) {
			service.awaitReadiness(503, READY_TIMEOUT);
			Response schema = service.get("/actuator/health/schema");
			assertThat(schema.<String>json("$.status")).isEqualTo("DOWN");
			assertThat(schema.<String>json("$.details.state")).isEqualTo("INCOMPATIBLE");
			assertThat(schema.<String>json("$.details.breaksBefore")).isEqualTo("6");
			assertThat(schema.<String>json("$.details.breakingVersion")).isEqualTo("7");
			step("  %s: readiness 503, schema INCOMPATIBLE (breakingVersion 7, breaksBefore 6)", service);
		}
		assertThat(v2Service.readiness()).isEqualTo(200);
		assertThat(v2Service.awaitCheckAfter(Instant.now(), READY_TIMEOUT).state()).isEqualTo("AHEAD");
		step("  %s: readiness 200, schema AHEAD", v2Service);
		Map<String, String> environment = datasource();
		environment.put("DB_MODE", "verify");
		environment.put("DB_VERIFY_ON_STARTUP", "start-unready");
		SampleProcess fresh = start("v1-service-fresh", v1, environment, "--server.port=0");
		assertThat(fresh.awaitExit(START_TIMEOUT)).as(fresh.output()).isNotZero();
		assertThat(fresh.output()).contains("APPLICATION FAILED TO START")
			.contains("state 'INCOMPATIBLE'")
			.contains("Breaking migration: 7")
			.contains("newest migration is 6");
		step("  a fresh version-1 pod (start-unready) fails at startup: INCOMPATIBLE, breaking migration 7, "
				+ "oldest version that may run has migration 6");
	}

	private void rollbackFromVersion3ToVersion2(Path v2) {
		step("step 6: roll back from version 3 to version 2");
		SampleProcess job = runJob("v2-migrate-again", v2, 0);
		assertThat(job.output()).contains("Migration successful: applied 0 migration(s)");
		ServiceClient service = startServices(v2, "v2-service-rollback").get(0);
		service.awaitReadiness(200, READY_TIMEOUT);
		assertThat(service.schema()).extracting(SchemaDetails::state, SchemaDetails::aheadBy)
			.containsExactly("AHEAD", 1);
		step("  v2's job applies nothing (exit 0); %s: readiness 200, schema AHEAD by 1", service);
	}

	private List<ServiceClient> startServices(Path jar, String... names) {
		List<SampleProcess> started = new ArrayList<>();
		for (String name : names) {
			Map<String, String> environment = datasource();
			environment.put("DB_MODE", "verify");
			environment.put("DB_VERIFY_ON_STARTUP", "start-unready");
			environment.put("DB_VERIFY_POLL_INTERVAL", "500ms");
			environment.put("DB_VERIFY_REFRESH_INTERVAL", "500ms");
			started.add(start(name, jar, environment, "--server.port=0"));
		}
		List<ServiceClient> services = new ArrayList<>();
		for (SampleProcess process : started) {
			services.add(new ServiceClient(process.name(), process.awaitStarted(START_TIMEOUT)));
		}
		return services;
	}

	/**
	 * A migration job as the Kubernetes Job runs it: the migrator role for Flyway and no
	 * runtime credentials, since the application's own datasource is never used.
	 */
	private SampleProcess runJob(String name, Path jar, int expectedExitCode) {
		Map<String, String> environment = new HashMap<>();
		environment.put("SPRING_DATASOURCE_URL", database().url());
		environment.put("DB_MODE", "migrate");
		environment.put("SPRING_FLYWAY_USER", this.roles.migrator());
		environment.put("SPRING_FLYWAY_PASSWORD", DatabaseRoles.MIGRATOR_PASSWORD);
		SampleProcess job = start(name, jar, environment);
		long started = System.nanoTime();
		int exitCode = job.awaitExit(EXIT_TIMEOUT);
		assertThat(exitCode).as(job.output()).isEqualTo(expectedExitCode);
		step("  %s: exit code %d after %d ms", name, exitCode,
				Duration.ofNanos(System.nanoTime() - started).toMillis());
		return job;
	}

	/**
	 * The services' datasource, with the runtime role.
	 */
	private Map<String, String> datasource() {
		Map<String, String> environment = new HashMap<>();
		environment.put("SPRING_DATASOURCE_URL", database().url());
		environment.put("SPRING_DATASOURCE_USERNAME", this.roles.runtime());
		environment.put("SPRING_DATASOURCE_PASSWORD", DatabaseRoles.RUNTIME_PASSWORD);
		return environment;
	}

	private SampleProcess start(String name, Path jar, Map<String, String> environment, String... arguments) {
		SampleProcess process = SampleProcess.start(name, jar, this.workingDirectory, environment, arguments);
		this.processes.add(process);
		return process;
	}

	/**
	 * The changes of state a service logged, e.g. {@code BEHIND -> READY}.
	 */
	private List<String> stateChanges(ServiceClient service) {
		SampleProcess process = this.processes.stream()
			.filter((candidate) -> candidate.name().equals(service.name()))
			.findFirst()
			.orElseThrow();
		List<String> changes = new ArrayList<>();
		Matcher matcher = STATE_CHANGE.matcher(process.output());
		while (matcher.find()) {
			changes.add(matcher.group(1) + " -> " + matcher.group(2));
		}
		return changes;
	}

	private List<String> appliedVersions() {
		return new JdbcTemplate(database().dataSource())
			.queryForList("SELECT version FROM flyway_schema_history ORDER BY installed_rank", String.class);
	}

	private TestDatabase database() {
		return this.postgres.get();
	}

	private static void assertPermissionDenied(Statement statement, String sql) {
		assertThatExceptionOfType(SQLException.class).as(sql)
			.isThrownBy(() -> statement.execute(sql))
			.satisfies(permissionDenied());
	}

	private static Consumer<SQLException> permissionDenied() {
		// 42501: insufficient_privilege ("permission denied", "must be owner")
		return (ex) -> assertThat(ex.getSQLState()).as(ex.getMessage()).isEqualTo("42501");
	}

	private static void step(String format, Object... arguments) {
		System.out.println(String.format(format, arguments));
	}

}
