package io.schemagate.internal.migrate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.UnaryOperator;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.schemagate.migrate.LintMode;
import io.schemagate.migrate.MigrateExitCode;
import io.schemagate.migrate.MigrationOutcome;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link PendingMigrations}: what the migrate job lints is what Flyway's
 * {@code info().pending()} lists, also where the differential test's cases do not go:
 * Java migrations beside the scripts, skipped default resolvers, and a baseline migration
 * of the same version as a versioned one.
 */
class PendingMigrationsTests {

	private static final String DROP = "DROP TABLE bread;\n";

	private final String url = "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";

	@TempDir
	Path scripts;

	@Test
	void nextTargetIsAJavaMigrationBeforeAScript() throws Exception {
		write("V1__bread.sql", "CREATE TABLE bread (id INT);\n");
		write("V3__drop_bread.sql", DROP);
		Flyway flyway = flyway((configuration) -> configuration.target("next"));
		flyway.migrate();
		Flyway next = flyway((configuration) -> configuration.target("next").javaMigrations(new V2__Java_step()));
		assertThat(JobPendingVersions.of(next)).isEqualTo(pendingByFlyway(next)).containsExactly("2");
		MigrationOutcome outcome = new SchemaMigrator(LintMode.FAIL, Duration.ofMinutes(1)).migrate(next);
		assertThat(outcome.exitCode()).as("only the Java migration is applied, so nothing is linted")
			.isEqualTo(MigrateExitCode.SUCCESS);
		assertThat(outcome.applied()).isEqualTo(1);
	}

	@Test
	void targetOnlyAJavaMigrationHas() throws Exception {
		write("V1__bread.sql", "CREATE TABLE bread (id INT);\n");
		write("V3__drop_bread.sql", DROP);
		Flyway flyway = flyway((configuration) -> configuration.target("2").javaMigrations(new V2__Java_step()));
		assertThat(JobPendingVersions.of(flyway)).isEqualTo(pendingByFlyway(flyway)).containsExactly("1", "2");
	}

	@Test
	void skippedDefaultResolversLeaveTheScriptsUnresolved() throws Exception {
		write("V1__drop_bread.sql", DROP);
		Flyway flyway = flyway(
				(configuration) -> configuration.skipDefaultResolvers(true).javaMigrations(new V2__Java_step()));
		assertThat(JobPendingVersions.of(flyway)).isEqualTo(pendingByFlyway(flyway)).containsExactly("2");
		assertThat(new SchemaMigrator(LintMode.FAIL, Duration.ofMinutes(1)).migrate(flyway).exitCode())
			.isEqualTo(MigrateExitCode.SUCCESS);
	}

	@Test
	void baselineMigrationOnAFreshDatabaseIsNotTheVersionedScriptOfItsVersion() throws Exception {
		write("V1__bread.sql", "CREATE TABLE bread (id INT);\n");
		write("V2__drop_bread.sql", "CREATE TABLE cake (id INT);\n" + DROP);
		write("B2__baseline.sql", "CREATE TABLE cake (id INT);\n");
		Flyway flyway = flyway(UnaryOperator.identity());
		assertThat(JobPendingVersions.of(flyway)).isEqualTo(pendingByFlyway(flyway)).containsExactly("2");
		MigrationOutcome outcome = new SchemaMigrator(LintMode.FAIL, Duration.ofMinutes(1)).migrate(flyway);
		assertThat(outcome.exitCode()).as("the baseline migration runs, not V2, so V2 is not linted")
			.isEqualTo(MigrateExitCode.SUCCESS);
	}

	private static List<String> pendingByFlyway(Flyway flyway) {
		return Arrays.stream(flyway.info().pending())
			.map(MigrationInfo::getVersion)
			.filter(Objects::nonNull)
			.map((version) -> version.getVersion())
			.sorted()
			.toList();
	}

	private void write(String name, String sql) throws IOException {
		Files.writeString(this.scripts.resolve(name), sql);
	}

	private Flyway flyway(UnaryOperator<FluentConfiguration> more) {
		return more.apply(Flyway.configure().dataSource(this.url, "sa", "").locations("filesystem:" + this.scripts))
			.load();
	}

	static class V2__Java_step extends BaseJavaMigration {

		@Override
		public void migrate(Context context) throws Exception {
			context.getConnection().createStatement().execute("CREATE TABLE step (id INT)");
		}

	}

}
