package io.schemagate.internal.check;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;

import org.awaitility.Awaitility;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.JdbcTemplate;

import io.schemagate.internal.migrate.SchemaMigrator;
import io.schemagate.migrate.LintMode;
import io.schemagate.migrate.MigrateExitCode;
import io.schemagate.migrate.MigrationLockTimeoutException;
import io.schemagate.migrate.MigrationOutcome;
import io.schemagate.testsupport.DatabaseKind;
import io.schemagate.testsupport.Gate;
import io.schemagate.verify.NotVerifiableException;
import io.schemagate.verify.SchemaState;
import io.schemagate.verify.SchemaStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@link AbstractSchemaVerifierIntegrationTests} on PostgreSQL, plus verify mode under a
 * role that may only connect and read the schema history.
 */
class PostgresSchemaVerifierIntegrationTests extends AbstractServerSchemaVerifierIntegrationTests {

	PostgresSchemaVerifierIntegrationTests() {
		super(DatabaseKind.POSTGRESQL);
	}

	@Override
	protected boolean recordsFailedMigrations() {
		return false;
	}

	@Test
	void verifyReportsFailedWhenHistoryRecordsFailure() {
		migrate();
		// the row Flyway writes for a failed migration on a database without DDL
		// transactions
		this.database.get()
			.execute("INSERT INTO flyway_schema_history (installed_rank, version, description, type, script, "
					+ "checksum, installed_by, execution_time, success) "
					+ "VALUES (4, '4', 'broken', 'SQL', 'V4__broken.sql', 1, 'migrator', 3, false)");
		this.files.write("V4__broken.sql", "SELECT 1;\n");
		SchemaStatus status = assertState(SchemaState.FAILED);
		assertThat(status.failedVersions()).containsExactly("4");
		assertThat(status.problems()).anySatisfy((problem) -> assertThat(problem).contains("failed"));
	}

	@Test
	void migrateReportsRetryableWhenAnotherJobHoldsTheLockPastTheTimeout() throws Exception {
		migrate();
		// the slow migration waits at a gate (an advisory lock of the test's own) until
		// the impatient job has given up
		this.files.write("V4__slow.sql", Gate.migration(DatabaseKind.POSTGRESQL));
		try (Gate gate = Gate.hold(this.database.get())) {
			CompletableFuture<MigrationOutcome> first = CompletableFuture
				.supplyAsync(() -> new SchemaMigrator().migrate(flyway()));
			// building Flyway and starting the migration: under 1 s here
			Awaitility.await().atMost(Duration.ofSeconds(10)).until(this::slowMigrationIsRunning);
			MigrationOutcome impatient = new SchemaMigrator(LintMode.WARN, Duration.ofSeconds(1)).migrate(flyway());
			assertThat(impatient.exitCode()).isEqualTo(MigrateExitCode.RETRYABLE);
			assertThat(impatient.failure()).isInstanceOf(MigrationLockTimeoutException.class);
			gate.close();
			assertThat(first.get(30, TimeUnit.SECONDS).exitCode()).isEqualTo(MigrateExitCode.SUCCESS);
		}
	}

	private boolean slowMigrationIsRunning() {
		Integer running = new JdbcTemplate(dataSource()).queryForObject(
				"SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND state = 'active' "
						+ "AND query LIKE ?",
				Integer.class, Gate.waitingStatement(DatabaseKind.POSTGRESQL) + "%");
		return running != null && running > 0;
	}

	@Test
	void verifyReadsTheHistoryInTheConfiguredSchema() {
		Flyway flyway = configure().dataSource(dataSource()).schemas("bakery").load();
		flyway.migrate();
		SchemaStatus status = SchemaVerifier.of(flyway.getConfiguration(), Duration.ofSeconds(5)).check();
		assertThat(status.state()).isEqualTo(SchemaState.READY);
		assertThat(FlywayVerdict.of(flyway)).isEqualTo(SchemaState.READY);
		Flyway other = configure().dataSource(dataSource()).schemas("other").createSchemas(false).load();
		assertThat(SchemaVerifier.of(other.getConfiguration(), Duration.ofSeconds(5)).check().state())
			.isEqualTo(SchemaState.BEHIND);
	}

	@Test
	void currentSchemaInTheUrlChoosesTheHistoryAsFlywayDoes() {
		// the history is in public; the URL puts an existing schema without one first
		migrate();
		this.database.get().execute("CREATE SCHEMA tenant");
		DataSource tenantFirst = dataSource(
				this.database.get().url() + "?currentSchema=tenant,public&user=" + this.database.get().username());
		Flyway flyway = configure().dataSource(tenantFirst).load();
		// an unqualified SELECT would find public's history: Flyway reads tenant's, which
		// does not exist
		assertThat(SchemaVerifier.of(flyway.getConfiguration(), Duration.ofSeconds(5)).check().state())
			.isEqualTo(SchemaState.BEHIND);
		assertThat(FlywayVerdict.of(flyway)).isEqualTo(SchemaState.BEHIND);
		flyway.migrate();
		assertThat(SchemaVerifier.of(flyway.getConfiguration(), Duration.ofSeconds(5)).check().state())
			.isEqualTo(SchemaState.READY);
		assertThat(FlywayVerdict.of(flyway)).isEqualTo(SchemaState.READY);
		Integer tenantRows = new JdbcTemplate(dataSource())
			.queryForObject("SELECT count(*) FROM tenant.flyway_schema_history", Integer.class);
		assertThat(tenantRows).isEqualTo(3);
	}

	@Test
	void initSqlsThatChooseTheSchemaAreRefusedWithoutADefaultSchema() {
		this.database.get().execute("CREATE SCHEMA tenant");
		Flyway flyway = configure().dataSource(dataSource()).initSql("SET search_path TO tenant").load();
		flyway.migrate();
		assertThatExceptionOfType(NotVerifiableException.class)
			.isThrownBy(() -> SchemaVerifier.of(flyway.getConfiguration(), Duration.ofSeconds(5)))
			.satisfies((ex) -> {
				assertThat(ex.getSubject()).isEqualTo("spring.flyway.init-sqls");
				assertThat(ex.getAction()).contains("spring.flyway.default-schema");
			});
		// the same with the schema named: verify reads what Flyway reads
		Flyway named = configure().dataSource(dataSource())
			.initSql("SET search_path TO tenant")
			.defaultSchema("tenant")
			.load();
		assertThat(SchemaVerifier.of(named.getConfiguration(), Duration.ofSeconds(5)).check().state())
			.isEqualTo(SchemaState.READY);
		assertThat(FlywayVerdict.of(named)).isEqualTo(SchemaState.READY);
	}

	@Test
	void schemaNameWithAQuoteIsQuotedAsFlywayQuotesIt() {
		Flyway flyway = configure().dataSource(dataSource()).defaultSchema("odd\"name").load();
		flyway.migrate();
		assertThat(SchemaVerifier.of(flyway.getConfiguration(), Duration.ofSeconds(5)).check().state())
			.isEqualTo(SchemaState.READY);
		assertThat(FlywayVerdict.of(flyway)).isEqualTo(SchemaState.READY);
	}

	@Override
	protected void grantSelectOnHistory(String role) {
		this.database.get().execute("GRANT SELECT ON flyway_schema_history TO " + role);
	}

	@Test
	void verifyOnEmptyDatabaseWithReadOnlyRoleReportsBehindAndWritesNothing() {
		String role = this.database.get().createRole("runtime", "runtime-secret");
		DataSource runtime = this.database.get().dataSource(role, "runtime-secret");
		SchemaStatus status = SchemaVerifier.of(configure().dataSource(runtime), Duration.ofSeconds(5)).check();
		assertThat(status.state()).isEqualTo(SchemaState.BEHIND);
		Integer tables = new JdbcTemplate(dataSource()).queryForObject(
				"SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'", Integer.class);
		assertThat(tables).isZero();
	}

}
