package io.schemagate.internal.check;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import io.schemagate.internal.migrate.SchemaMigrator;
import io.schemagate.migrate.LintMode;
import io.schemagate.migrate.MigrateExitCode;
import io.schemagate.migrate.MigrationOutcome;
import io.schemagate.verify.BreakingMigration;
import io.schemagate.verify.SchemaNotReadyException;
import io.schemagate.verify.SchemaState;
import io.schemagate.verify.SchemaStatus;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rules for a schema a newer version moved on, on a real database: each release is a
 * folder of migrations, migrated by the job ({@link SchemaMigrator}) and verified as its
 * pods would. An older release gets the contract's answer (AHEAD, INCOMPATIBLE, DRIFTED);
 * the release that knows the migrations gets Flyway's own verdict for them.
 */
@ExtendWith(OutputCaptureExtension.class)
abstract class AbstractRollingUpgradeIntegrationTests {

	private static final String CREATE_BREAD = "CREATE TABLE bread (id INT PRIMARY KEY, name VARCHAR(50));\n";

	private static final String SEED_BREAD = "INSERT INTO bread (id, name) VALUES (1, 'rye');\n";

	private static final String VIEW = "CREATE OR REPLACE VIEW bread_names AS SELECT name FROM bread;\n";

	private static final String ADD_WEIGHT = "ALTER TABLE bread ADD COLUMN weight INT;\n";

	@TempDir
	Path releases;

	private MigrationFiles v1;

	private MigrationFiles v2;

	@BeforeEach
	void releaseOne() throws Exception {
		this.v1 = release("v1").write("V1__create_bread.sql", CREATE_BREAD)
			.write("V2__seed_bread.sql", SEED_BREAD)
			.write("R__bread_names.sql", VIEW);
		this.v2 = release("v2").write("V1__create_bread.sql", CREATE_BREAD)
			.write("V2__seed_bread.sql", SEED_BREAD)
			.write("R__bread_names.sql", VIEW);
		assertThat(job(this.v1).exitCode()).isEqualTo(MigrateExitCode.SUCCESS);
	}

	/**
	 * The database under test, fresh and empty for each test.
	 * @return the data source
	 */
	protected abstract DataSource dataSource();

	/**
	 * Whether Flyway records a failed migration in the history on this database.
	 * @return whether failures are recorded
	 */
	protected abstract boolean recordsFailedMigrations();

	@Test
	void olderReleaseStaysReadyWhenANewerOneChangesARepeatableAddsOneAndAddsAColumn() {
		this.v2.write("V3__add_weight.sql", ADD_WEIGHT)
			.write("R__bread_names.sql", VIEW.replace("SELECT name", "SELECT name, id"))
			.write("R__bread_weights.sql", "CREATE OR REPLACE VIEW bread_weights AS SELECT weight FROM bread;\n");
		assertThat(job(this.v2).exitCode()).isEqualTo(MigrateExitCode.SUCCESS);
		SchemaStatus older = verify(this.v1);
		assertThat(older.state()).isEqualTo(SchemaState.AHEAD);
		assertThat(older.ready()).isTrue();
		assertThat(older.aheadBy()).as("V3, the changed and the added repeatable").isEqualTo(3);
		assertAgreesWithFlyway(this.v1, SchemaState.AHEAD);
		assertThat(flyway(this.v1).validateWithResult().validationSuccessful)
			.as("Flyway's validate() alone, which would take the older release out of service")
			.isFalse();
		assertAgreesWithFlyway(this.v2, SchemaState.READY);
	}

	@Test
	void rollbackToTheOlderReleaseIsReadyAndItsJobChangesNothing() {
		this.v2.write("V3__add_weight.sql", ADD_WEIGHT)
			.write("R__bread_names.sql", VIEW.replace("SELECT name", "SELECT name, id"));
		job(this.v2);
		// pods of v1 are started again after v2 was rolled out
		assertThat(verify(this.v1).ready()).isTrue();
		assertAgreesWithFlyway(this.v2, SchemaState.READY);
	}

	@Test
	void olderReleaseWhoseOwnRepeatableNeverRanIsBehind() {
		this.v1.write("R__bread_names.sql", VIEW.replace("SELECT name", "SELECT id"));
		this.v2.write("R__bread_names.sql", VIEW.replace("SELECT name", "SELECT name, id"));
		job(this.v2);
		assertAgreesWithFlyway(this.v1, SchemaState.BEHIND);
		assertThat(verify(this.v1).pendingVersions()).containsExactly("R:bread names");
	}

	@Test
	void repeatableUnknownToAReleaseAppliedBeforeWhatItKnowsIsDrifted() {
		MigrationFiles v3 = copy(this.v1, "v3").delete("R__bread_names.sql").write("V3__add_weight.sql", ADD_WEIGHT);
		// v3 dropped the view script; its own V3 ran after the view did
		configure(v3).dataSource(dataSource()).ignoreMigrationPatterns("*:missing").load().migrate();
		assertAgreesWithFlyway(v3, SchemaState.DRIFTED);
		assertThat(verify(v3).driftedVersions()).containsExactly("R:bread names");
	}

	@Test
	void halfFailedJobOfANewerReleaseLeavesTheOlderReady() {
		this.v2.write("V3__add_weight.sql", ADD_WEIGHT + "INSERT INTO no_such_table VALUES (1);\n");
		assertThat(job(this.v2).exitCode()).isEqualTo(MigrateExitCode.NEEDS_ATTENTION);
		SchemaStatus older = verify(this.v1);
		assertThat(older.ready()).isTrue();
		if (recordsFailedMigrations()) {
			assertThat(older.state()).isEqualTo(SchemaState.AHEAD);
			assertThat(older.failedVersions()).containsExactly("3");
			assertAgreesWithFlyway(this.v2, SchemaState.FAILED);
		}
		else {
			assertThat(older.state()).isEqualTo(SchemaState.READY);
			assertAgreesWithFlyway(this.v2, SchemaState.BEHIND);
		}
	}

	@Test
	void declaredBreakingMigrationMakesOlderReleasesIncompatible() {
		this.v2.write("V3__add_weight.sql", ADD_WEIGHT);
		job(this.v2);
		MigrationFiles v3 = copy(this.v2, "v3")
			.write("V4__drop_name.sql",
					"-- the contract step: v1 and v2 still read bread.name\n-- schemagate:breaks-before 4\n"
							+ "DROP VIEW bread_names;\nALTER TABLE bread DROP COLUMN name;\n")
			.write("R__bread_names.sql", "CREATE OR REPLACE VIEW bread_names AS SELECT id FROM bread;\n");
		assertThat(job(v3).exitCode()).isEqualTo(MigrateExitCode.SUCCESS);
		for (MigrationFiles older : new MigrationFiles[] { this.v1, this.v2 }) {
			SchemaStatus status = verify(older);
			assertThat(status.state()).isEqualTo(SchemaState.INCOMPATIBLE);
			assertThat(status.ready()).isFalse();
			assertThat(status.breakingMigration()).isEqualTo(new BreakingMigration("4", "4"));
			assertThat(new SchemaNotReadyException(status).getDescription()).contains("Breaking migration: 4")
				.contains("Oldest version that may run: the one whose newest migration is 4");
		}
		assertAgreesWithFlyway(v3, SchemaState.READY);
	}

	@Test
	void releaseAtOrAfterTheDeclaredVersionIsOnlyAhead() {
		this.v2.write("V3__add_weight.sql", ADD_WEIGHT);
		job(this.v2);
		MigrationFiles v3 = copy(this.v2, "v3").write("V4__drop_seed.sql",
				"-- schemagate:breaks-before 3\nDELETE FROM bread WHERE id = 1;\n");
		job(v3);
		assertThat(verify(this.v2).state()).isEqualTo(SchemaState.AHEAD);
		assertThat(verify(this.v1).state()).isEqualTo(SchemaState.INCOMPATIBLE);
	}

	@Test
	void declarationsAreReadOnlyWhenTheDatabaseIsAhead() {
		AtomicInteger statements = new AtomicInteger();
		DataSource counting = ProxyDataSourceBuilder.create(dataSource())
			.afterQuery((execution, queries) -> statements.addAndGet(queries.size()))
			.build();
		SchemaVerifier ready = SchemaVerifier.of(configure(this.v1).dataSource(counting), Duration.ofSeconds(5));
		assertThat(ready.check().state()).isEqualTo(SchemaState.READY);
		assertThat(statements).as("statements of a READY check").hasValue(1);
		this.v2.write("V3__add_weight.sql", ADD_WEIGHT);
		job(this.v2);
		statements.set(0);
		assertThat(ready.check().state()).isEqualTo(SchemaState.AHEAD);
		assertThat(statements).as("statements of an AHEAD check").hasValue(2);
	}

	@Test
	void lintFailStopsTheJobBeforeApplyingAnything() {
		this.v2.write("V3__add_weight.sql", ADD_WEIGHT)
			.write("V4__drop_weight.sql", "ALTER TABLE bread DROP COLUMN weight;\n");
		MigrationOutcome outcome = new SchemaMigrator(LintMode.FAIL, Duration.ofMinutes(1)).migrate(flyway(this.v2));
		assertThat(outcome.exitCode()).isEqualTo(MigrateExitCode.NEEDS_ATTENTION);
		assertThat(outcome.failure()).hasMessageContaining("break the version still running");
		assertThat(appliedVersion()).isEqualTo("2");
	}

	@Test
	void lintWarnsAndMigrates(CapturedOutput output) {
		this.v2.write("V3__add_weight.sql", ADD_WEIGHT)
			.write("V4__drop_weight.sql", "-- gone\nCREATE VIEW weights AS SELECT weight FROM bread;\n"
					+ "DROP VIEW weights;\nALTER TABLE bread DROP COLUMN weight;\n");
		assertThat(job(this.v2).exitCode()).isEqualTo(MigrateExitCode.SUCCESS);
		assertThat(output).contains("V4__drop_weight.sql, line 3: 'DROP VIEW weights'")
			.contains("V4__drop_weight.sql, line 4: 'ALTER TABLE bread DROP COLUMN weight'")
			.contains("schemagate:breaks-before")
			.doesNotContain("V3__add_weight.sql, line");
		assertThat(appliedVersion()).isEqualTo("4");
	}

	@Test
	void declaredBreakingMigrationIsNotLinted(CapturedOutput output) {
		this.v2.write("V3__add_weight.sql", ADD_WEIGHT)
			.write("V4__drop_weight.sql", "-- schemagate:breaks-before 4\nALTER TABLE bread DROP COLUMN weight;\n");
		assertThat(new SchemaMigrator(LintMode.FAIL, Duration.ofMinutes(1)).migrate(flyway(this.v2)).exitCode())
			.isEqualTo(MigrateExitCode.SUCCESS);
		assertThat(output).doesNotContain("Migration breaks the version still running");
	}

	private void assertAgreesWithFlyway(MigrationFiles release, SchemaState expected) {
		assertThat(verify(release).state()).as("verifier").isEqualTo(expected);
		assertThat(FlywayVerdict.of(flyway(release))).as("Flyway's own verdict").isEqualTo(expected);
	}

	private String appliedVersion() {
		return flyway(this.v1).info().current().getVersion().getVersion();
	}

	private SchemaStatus verify(MigrationFiles release) {
		return SchemaVerifier.of(flyway(release).getConfiguration(), Duration.ofSeconds(5)).check();
	}

	private MigrationOutcome job(MigrationFiles release) {
		return new SchemaMigrator().migrate(flyway(release));
	}

	private Flyway flyway(MigrationFiles release) {
		return configure(release).dataSource(dataSource()).load();
	}

	private static FluentConfiguration configure(MigrationFiles release) {
		return Flyway.configure().locations(release.location());
	}

	private MigrationFiles release(String name) throws Exception {
		return new MigrationFiles(Files.createDirectories(this.releases.resolve(name)));
	}

	private MigrationFiles copy(MigrationFiles release, String name) {
		try {
			return release.copyTo(Files.createDirectories(this.releases.resolve(name)));
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
