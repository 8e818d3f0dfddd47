package io.schemagate.sample;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.function.UnaryOperator;
import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.jdbc.core.JdbcTemplate;

import io.schemagate.internal.check.SchemaVerifier;
import io.schemagate.internal.migrate.SchemaMigrator;
import io.schemagate.migrate.MigrateExitCode;
import io.schemagate.testsupport.DatabaseKind;
import io.schemagate.testsupport.TestDatabase;
import io.schemagate.testsupport.TestDatabaseExtension;
import io.schemagate.verify.SchemaState;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * The role scripts in {@code docs/sql} do what the docs say: the migrator migrates, the
 * runtime role verifies and uses the tables but cannot run DDL or write the history.
 */
class DatabaseRoleScriptsTests {

	@RegisterExtension
	final TestDatabaseExtension postgres = new TestDatabaseExtension(DatabaseKind.POSTGRESQL);

	@RegisterExtension
	final TestDatabaseExtension mariadb = new TestDatabaseExtension(DatabaseKind.MARIADB);

	@Test
	void postgresqlScriptSeparatesMigratorAndRuntime() throws IOException {
		TestDatabase database = this.postgres.get();
		String name = database.name();
		UnaryOperator<String> names = (sql) -> sql.replace("DATABASE bakery", "DATABASE " + name)
			.replace("bakery_migrator", name + "_migrator")
			.replace("bakery_runtime", name + "_runtime");
		String[] parts = parts("postgresql-roles.sql", names);
		try {
			database.execute(statements(parts[0]));
			DataSource migrator = database.dataSource(name + "_migrator", "change-me-migrator");
			migrateAsTheJob(migrator, "classpath:db/migration");
			database.execute(statements(parts[1]));
			DataSource runtime = database.dataSource(name + "_runtime", "change-me-runtime");
			assertRuntimeCanServeButNotChangeTheSchema(runtime, "classpath:db/migration");
		}
		finally {
			// roles belong to the server: revoke what they hold, then drop them
			database.execute("DROP OWNED BY " + name + "_migrator", "DROP OWNED BY " + name + "_runtime",
					"DROP ROLE " + name + "_migrator", "DROP ROLE " + name + "_runtime");
		}
	}

	@Test
	void mariadbScriptSeparatesMigratorAndRuntime(@TempDir Path migrations) throws IOException {
		TestDatabase database = this.mariadb.get();
		String name = database.name();
		UnaryOperator<String> names = (sql) -> sql.replace("bakery.", name + ".")
			.replace("bakery_migrator", name + "_migrator")
			.replace("bakery_runtime", name + "_runtime")
			.replace("'localhost'", "'%'");
		String[] parts = parts("mariadb-roles.sql", names);
		Files.writeString(migrations.resolve("V1__bakery.sql"), """
				CREATE TABLE products (id BIGINT AUTO_INCREMENT PRIMARY KEY, name VARCHAR(80));
				CREATE TABLE orders (id BIGINT AUTO_INCREMENT PRIMARY KEY, customer VARCHAR(80));
				CREATE TABLE order_lines (order_id BIGINT, product_id BIGINT, quantity INT);
				CREATE VIEW order_totals AS SELECT order_id, SUM(quantity) AS items FROM order_lines GROUP BY order_id;
				""");
		try {
			database.execute(statements(parts[0]));
			DataSource migrator = database.dataSource(name + "_migrator", "change-me-migrator");
			migrateAsTheJob(migrator, "filesystem:" + migrations);
			database.execute(statements(parts[1]));
			DataSource runtime = database.dataSource(name + "_runtime", "change-me-runtime");
			assertRuntimeCanServeButNotChangeTheSchema(runtime, "filesystem:" + migrations);
		}
		finally {
			database.execute("DROP USER IF EXISTS '" + name + "_migrator'@'%'",
					"DROP USER IF EXISTS '" + name + "_runtime'@'%'");
		}
	}

	private static void migrateAsTheJob(DataSource migrator, String locations) {
		Flyway flyway = Flyway.configure().dataSource(migrator).locations(locations).load();
		assertThat(new SchemaMigrator().migrate(flyway).exitCode()).isEqualTo(MigrateExitCode.SUCCESS);
	}

	private static void assertRuntimeCanServeButNotChangeTheSchema(DataSource runtime, String locations) {
		Flyway asRuntime = Flyway.configure().dataSource(runtime).locations(locations).load();
		assertThat(SchemaVerifier.of(asRuntime.getConfiguration(), Duration.ofSeconds(5)).check().state())
			.isEqualTo(SchemaState.READY);
		JdbcTemplate jdbc = new JdbcTemplate(runtime);
		jdbc.update("INSERT INTO orders (customer) VALUES ('role test')");
		assertThat(jdbc.queryForObject("SELECT count(*) FROM orders", Integer.class)).isEqualTo(1);
		assertThatException().isThrownBy(() -> jdbc.execute("CREATE TABLE intruder (id INT)"));
		assertThatException().isThrownBy(() -> jdbc.execute("DROP TABLE orders"));
		assertThatException().isThrownBy(() -> jdbc.execute("DELETE FROM flyway_schema_history"));
		assertThatException().isThrownBy(() -> jdbc.execute("UPDATE flyway_schema_history SET success = false"));
		// the breaking migrations recorded: read when the database is ahead, never
		// written
		assertThat(jdbc.queryForObject("SELECT count(*) FROM schemagate_compatibility", Integer.class)).isZero();
		assertThatException()
			.isThrownBy(() -> jdbc.execute("INSERT INTO schemagate_compatibility (version, breaks_before, script) "
					+ "VALUES ('99', '99', 'fake')"));
	}

	/**
	 * The script's two parts (before and after the first migration job), names adapted to
	 * this test's database.
	 */
	private static String[] parts(String script, UnaryOperator<String> names) throws IOException {
		String sql = names.apply(Files.readString(Path.of("..", "docs", "sql", script)));
		int part2 = sql.indexOf("-- part 2");
		return new String[] { sql.substring(0, part2), sql.substring(part2) };
	}

	private static String[] statements(String sql) {
		String withoutComments = Arrays.stream(sql.split("\n"))
			.filter((line) -> !line.trim().startsWith("--"))
			.reduce("", (all, line) -> all + line + "\n");
		return Arrays.stream(withoutComments.split(";\\s*\n"))
			.map(String::trim)
			.filter((statement) -> !statement.isEmpty())
			.toArray(String[]::new);
	}

}
