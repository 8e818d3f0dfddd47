package io.schemagate.internal.check;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import io.schemagate.internal.migrate.SchemaMigrator;
import io.schemagate.migrate.MigrateExitCode;
import io.schemagate.migrate.MigrationOutcome;
import io.schemagate.verify.SchemaNotReadyException;
import io.schemagate.verify.SchemaState;
import io.schemagate.verify.SchemaStatus;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every state of the contract on a real database, each checked against what Flyway's own
 * {@code info()} and {@code validate()} say of the same database. One subclass per
 * database.
 */
abstract class AbstractSchemaVerifierIntegrationTests {

	private static final String CREATE_BREAD = "CREATE TABLE bread (id INT PRIMARY KEY, name VARCHAR(50));\n";

	private static final String CREATE_CAKE = "CREATE TABLE cake (id INT PRIMARY KEY, name VARCHAR(50));\n";

	private static final String INDEX_BREAD = "CREATE INDEX bread_name ON bread (name);\n";

	private static final String SEED_BREAD = "INSERT INTO bread (id, name) VALUES (1, 'rye');\n";

	private static final String VIEW = "CREATE OR REPLACE VIEW bread_names AS SELECT name FROM bread;\n";

	protected static final String SECRET = "s3cret-Pa55word";

	protected MigrationFiles files;

	private String[] ignorePatterns = { "*:future" };

	private String baselineVersion;

	private String table = "flyway_schema_history";

	private String placeholder = "none";

	@BeforeEach
	void createFiles(@TempDir Path folder) {
		this.files = new MigrationFiles(folder).write("V1__create_bread.sql", CREATE_BREAD)
			.write("V2__index_bread.sql", INDEX_BREAD)
			.write("V3__seed_bread.sql", SEED_BREAD);
	}

	/**
	 * The database under test, fresh and empty for each test.
	 * @return the data source
	 */
	protected abstract DataSource dataSource();

	/**
	 * A data source for the same kind of database that nobody listens for.
	 * @return the data source
	 */
	protected abstract DataSource unreachableDataSource();

	@Test
	void verifyReportsBehindWhenHistoryTableIsMissing() {
		SchemaStatus status = assertState(SchemaState.BEHIND);
		assertThat(status.pendingVersions()).containsExactly("1", "2", "3");
		assertThat(status.appliedVersion()).isNull();
	}

	@Test
	void verifyReportsReadyWhenEveryMigrationIsApplied() {
		migrate();
		SchemaStatus status = assertState(SchemaState.READY);
		assertThat(status.appliedVersion()).isEqualTo("3");
		assertThat(status.expectedVersion()).isEqualTo("3");
		assertThat(status.appliedCount()).isEqualTo(3);
	}

	@Test
	void verifyReportsBehindWhenPartlyApplied() {
		migrate();
		this.files.write("V4__create_cake.sql", CREATE_CAKE)
			.write("V5__seed_cake.sql", "INSERT INTO cake VALUES (1, 'x');");
		SchemaStatus status = assertState(SchemaState.BEHIND);
		assertThat(status.pendingVersions()).containsExactly("4", "5");
		assertThat(status.appliedVersion()).isEqualTo("3");
	}

	@Test
	void verifyReportsAheadWhenNewerVersionMigrated() {
		this.files.write("V4__create_cake.sql", CREATE_CAKE);
		migrate();
		this.files.delete("V4__create_cake.sql");
		SchemaStatus status = assertState(SchemaState.AHEAD);
		assertThat(status.aheadBy()).isEqualTo(1);
		assertThat(status.appliedVersion()).isEqualTo("4");
		assertThat(status.expectedVersion()).isEqualTo("3");
	}

	@Test
	void verifyReportsFailedWhenMigrationFailed() {
		this.files.write("V4__broken.sql", CREATE_CAKE + "INSERT INTO no_such_table VALUES (1);\n")
			.write("V4__broken.sql.conf", "executeInTransaction=false\n");
		try {
			migrate();
		}
		catch (RuntimeException expected) {
			// the failed run is the fixture
		}
		if (recordsFailedMigrations()) {
			assertThat(assertState(SchemaState.FAILED).failedVersions()).containsExactly("4");
		}
		else {
			assertThat(assertState(SchemaState.BEHIND).pendingVersions()).containsExactly("4");
		}
	}

	@Test
	void migrationThatFailsHalfWayIsReportedAndSucceedsAfterFixAndRepair() {
		migrate();
		this.files.write("V4__create_cake.sql", CREATE_CAKE + "INSERT INTO no_such_table VALUES (1);\n");
		MigrationOutcome failed = new SchemaMigrator().migrate(flyway());
		assertThat(failed.exitCode()).isEqualTo(MigrateExitCode.NEEDS_ATTENTION);
		if (recordsFailedMigrations()) {
			SchemaStatus status = assertState(SchemaState.FAILED);
			assertThat(status.failedVersions()).containsExactly("4");
			assertThat(new SchemaNotReadyException(status).getAction()).contains("repair");
			// what the failed migration half-applied, removed by a person
			new JdbcTemplate(dataSource()).execute("DROP TABLE cake");
		}
		else {
			assertThat(assertState(SchemaState.BEHIND).pendingVersions()).containsExactly("4");
		}
		this.files.write("V4__create_cake.sql", CREATE_CAKE);
		flyway().repair();
		assertThat(new SchemaMigrator().migrate(flyway()).exitCode()).isEqualTo(MigrateExitCode.SUCCESS);
		assertThat(assertState(SchemaState.READY).appliedVersion()).isEqualTo("4");
	}

	@Test
	void migrateReportsRetryableWhenDatabaseIsUnreachable() {
		Flyway unreachable = configure().dataSource(unreachableDataSource()).load();
		MigrationOutcome outcome = new SchemaMigrator().migrate(unreachable);
		assertThat(outcome.exitCode()).isEqualTo(MigrateExitCode.RETRYABLE);
	}

	/**
	 * Whether Flyway records a failed migration in the history on this database. Where
	 * DDL is transactional Flyway rolls the row back with the migration.
	 * @return whether failures are recorded
	 */
	protected boolean recordsFailedMigrations() {
		return true;
	}

	@Test
	void verifyReportsDriftedWhenChecksumChanged() {
		migrate();
		this.files.write("V2__index_bread.sql", "CREATE INDEX bread_name_2 ON bread (name);\n");
		SchemaStatus status = assertState(SchemaState.DRIFTED);
		assertThat(status.driftedVersions()).containsExactly("2");
	}

	@Test
	void verifyReportsDriftedWhenDescriptionChanged() {
		migrate();
		this.files.rename("V2__index_bread.sql", "V2__index_bread_by_name.sql");
		assertThat(assertState(SchemaState.DRIFTED).driftedVersions()).containsExactly("2");
	}

	@Test
	void verifyReportsDriftedWhenMigrationMissingLocally() {
		migrate();
		this.files.delete("V2__index_bread.sql");
		assertThat(assertState(SchemaState.DRIFTED).driftedVersions()).containsExactly("2");
	}

	@Test
	void verifyIgnoresMissingMigrationWhenPatternSaysSo() {
		migrate();
		this.files.delete("V2__index_bread.sql");
		this.ignorePatterns = new String[] { "*:future", "*:missing" };
		assertState(SchemaState.READY);
	}

	@Test
	void verifyReportsBehindWhenRepeatableChanged() {
		this.files.write("R__bread_names.sql", VIEW);
		migrate();
		assertState(SchemaState.READY);
		this.files.write("R__bread_names.sql", VIEW.replace("SELECT name", "SELECT name, id"));
		assertThat(assertState(SchemaState.BEHIND).pendingVersions()).containsExactly("R:bread names");
	}

	@Test
	void verifyReportsBehindWhenOlderMigrationAddedOutOfOrder() {
		this.files.delete("V2__index_bread.sql");
		migrate();
		this.files.write("V2__index_bread.sql", INDEX_BREAD);
		assertThat(assertState(SchemaState.BEHIND).pendingVersions()).containsExactly("2");
	}

	@Test
	void verifyReportsReadyAboveBaseline() {
		this.baselineVersion = "2";
		new JdbcTemplate(dataSource()).execute(CREATE_BREAD);
		flyway().baseline();
		migrate();
		SchemaStatus status = assertState(SchemaState.READY);
		assertThat(status.appliedVersion()).isEqualTo("3");
	}

	@Test
	void verifyReadsTheConfiguredHistoryTable() {
		this.table = "bakery_history";
		migrate();
		assertThat(assertState(SchemaState.READY).appliedVersion()).isEqualTo("3");
		this.table = "flyway_schema_history";
		assertState(SchemaState.BEHIND);
	}

	@Test
	void verifyReportsBehindWhenPlaceholderOfRepeatableChanged() {
		this.files.write("R__bread_names.sql",
				"CREATE OR REPLACE VIEW bread_names AS SELECT name FROM bread " + "WHERE name <> '${excluded}';\n");
		this.placeholder = "rye";
		migrate();
		assertState(SchemaState.READY);
		this.placeholder = "spelt";
		assertThat(assertState(SchemaState.BEHIND).pendingVersions()).containsExactly("R:bread names");
	}

	@Test
	void verifyReadsAKubernetesConfigMapMountOnceAsFlywayDoes(@TempDir Path mount) throws IOException {
		// what the kubelet writes: the files in a timestamped folder, '..data' linked to
		// it, and each file linked through '..data'
		Path timestamped = Files.createDirectories(mount.resolve("..2026_12_01_10_00_00.123456789"));
		Files.writeString(timestamped.resolve("V1__create_bread.sql"), CREATE_BREAD);
		Files.writeString(timestamped.resolve("V2__index_bread.sql"), INDEX_BREAD);
		Files.writeString(timestamped.resolve("R__bread_names.sql"), VIEW);
		Files.createSymbolicLink(mount.resolve("..data"), timestamped.getFileName());
		for (String script : List.of("V1__create_bread.sql", "V2__index_bread.sql", "R__bread_names.sql")) {
			Files.createSymbolicLink(mount.resolve(script), Path.of("..data", script));
		}
		Flyway flyway = configure().locations("filesystem:" + mount).dataSource(dataSource()).load();
		assertThat(SchemaVerifier.of(flyway.getConfiguration(), Duration.ofSeconds(5)).check().state())
			.isEqualTo(SchemaState.BEHIND);
		flyway.migrate();
		SchemaStatus status = SchemaVerifier.of(flyway.getConfiguration(), Duration.ofSeconds(5)).check();
		assertThat(status.state()).isEqualTo(SchemaState.READY);
		assertThat(status.appliedCount()).isEqualTo(3);
		assertThat(FlywayVerdict.of(flyway)).isEqualTo(SchemaState.READY);
	}

	@Test
	void verifyReportsUnreachableWhenNobodyListens() {
		SchemaVerifier verifier = SchemaVerifier.of(configure().dataSource(unreachableDataSource()),
				Duration.ofSeconds(5));
		SchemaStatus status = verifier.check();
		assertThat(status.state()).isEqualTo(SchemaState.UNREACHABLE);
		assertThat(status.error()).startsWith("cannot connect to the database").doesNotContain("jdbc:");
		assertThat(status.expectedVersion()).isEqualTo("3");
	}

	@Test
	void verifyReportsUnreachableForUnknownHost() {
		assertUnreachableWithoutSecrets(urlWithUnknownHost());
	}

	@Test
	void verifyReportsUnreachableForMissingDatabase() {
		assertUnreachableWithoutSecrets(urlOfMissingDatabase());
	}

	@Test
	void verifyReportsUnreachableWhenHistoryHasUnexpectedShape() {
		new JdbcTemplate(dataSource()).execute("CREATE TABLE flyway_schema_history (id INT)");
		SchemaStatus status = SchemaVerifier.of(configure().dataSource(dataSource()), Duration.ofSeconds(5)).check();
		assertThat(status.state()).isEqualTo(SchemaState.UNREACHABLE);
		// the driver's reason, not the statement
		assertThat(status.error()).startsWith("cannot read 'flyway_schema_history'")
			.doesNotContain(" FROM ")
			.doesNotContain("version\", ")
			.doesNotContain("version`, ");
	}

	@Test
	void verifyReportsBehindWhenConfiguredSchemaIsMissing() {
		SchemaStatus status = SchemaVerifier
			.of(configure().dataSource(dataSource()).schemas("no_such_schema"), Duration.ofSeconds(5))
			.check();
		assertThat(status.state()).isEqualTo(SchemaState.BEHIND);
	}

	@Test
	void verifySendsOneStatementPerCheck() {
		migrate();
		AtomicInteger statements = new AtomicInteger();
		DataSource counting = ProxyDataSourceBuilder.create(dataSource())
			.afterQuery((execution, queries) -> statements.addAndGet(queries.size()))
			.build();
		SchemaVerifier verifier = SchemaVerifier.of(configure().dataSource(counting), Duration.ofSeconds(5));
		for (int i = 0; i < 3; i++) {
			assertThat(verifier.check().state()).isEqualTo(SchemaState.READY);
		}
		assertThat(statements).hasValue(3);
	}

	@Test
	void verifyNeverCreatesTheHistoryTable() {
		assertState(SchemaState.BEHIND);
		assertState(SchemaState.BEHIND);
		assertThat(flyway().info().applied()).isEmpty();
	}

	/**
	 * A URL of this kind of database on a host that does not resolve, with a password in
	 * it that must not leak.
	 * @return the URL
	 */
	protected abstract String urlWithUnknownHost();

	/**
	 * A URL of a database that does not exist on a running server, with a password in it
	 * that must not leak.
	 * @return the URL
	 */
	protected abstract String urlOfMissingDatabase();

	private void assertUnreachableWithoutSecrets(String url) {
		SchemaStatus status = SchemaVerifier.of(configure().dataSource(dataSource(url)), Duration.ofSeconds(10))
			.check();
		assertThat(status.state()).isEqualTo(SchemaState.UNREACHABLE);
		assertThat(status.error()).startsWith("cannot connect to the database")
			.doesNotContain(SECRET)
			.doesNotContain("jdbc:");
		assertThat(status.problems()).noneMatch((problem) -> problem.contains(SECRET));
	}

	protected SchemaStatus assertState(SchemaState expected) {
		Flyway flyway = flyway();
		SchemaStatus status = SchemaVerifier.of(flyway.getConfiguration(), Duration.ofSeconds(5)).check();
		assertThat(status.state()).as("verifier").isEqualTo(expected);
		assertThat(FlywayVerdict.of(flyway)).as("Flyway's own verdict").isEqualTo(expected);
		return status;
	}

	protected void migrate() {
		flyway().migrate();
	}

	protected Flyway flyway() {
		return configure().dataSource(dataSource()).load();
	}

	protected FluentConfiguration configure() {
		FluentConfiguration configuration = Flyway.configure()
			.locations(this.files.location())
			.table(this.table)
			.placeholders(Map.of("excluded", this.placeholder))
			.ignoreMigrationPatterns(this.ignorePatterns);
		return (this.baselineVersion != null) ? configuration.baselineVersion(this.baselineVersion) : configuration;
	}

	protected static DataSource dataSource(String url) {
		return new DriverManagerDataSource(url);
	}

}
