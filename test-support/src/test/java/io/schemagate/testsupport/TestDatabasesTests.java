package io.schemagate.testsupport;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link TestDatabases} against whatever server each kind resolves to; a kind
 * without a server is reported as skipped.
 *
 * @author Schemagate
 */
class TestDatabasesTests {

	@ParameterizedTest
	@EnumSource(DatabaseKind.class)
	void eachCallCreatesADifferentEmptyDatabase(DatabaseKind kind) throws SQLException {
		try (TestDatabase first = TestDatabases.create(kind); TestDatabase second = TestDatabases.create(kind)) {
			assertThat(first.name()).matches("sg_[a-z0-9]{12}").isNotEqualTo(second.name());
			assertThat(first.url()).endsWith("/" + first.name()).isNotEqualTo(second.url());
			assertThat(tables(first.dataSource())).isEmpty();
			assertThat(tables(second.dataSource())).isEmpty();
		}
	}

	@ParameterizedTest
	@EnumSource(DatabaseKind.class)
	void tableInOneDatabaseIsNotVisibleInAnother(DatabaseKind kind) throws SQLException {
		try (TestDatabase first = TestDatabases.create(kind); TestDatabase second = TestDatabases.create(kind)) {
			first.execute("CREATE TABLE widget (id INT PRIMARY KEY)", "INSERT INTO widget VALUES (1)");
			assertThat(tables(first.dataSource())).containsExactly("widget");
			assertThat(tables(second.dataSource())).isEmpty();
		}
	}

	@ParameterizedTest
	@EnumSource(DatabaseKind.class)
	void createdRoleCanConnectButNotCreateTables(DatabaseKind kind) throws SQLException {
		try (TestDatabase database = TestDatabases.create(kind)) {
			String role = database.createRole("app", "app-secret");
			assertThat(role).isEqualTo("app_" + database.name().substring(3));
			try (Connection connection = database.dataSource(role, "app-secret").getConnection();
					Statement statement = connection.createStatement()) {
				assertThat(connection.isValid(5)).isTrue();
				assertThatExceptionOfType(SQLException.class)
					.isThrownBy(() -> statement.execute("CREATE TABLE intruder (id INT)"));
			}
			assertThat(tables(database.dataSource())).isEmpty();
		}
	}

	@ParameterizedTest
	@EnumSource(DatabaseKind.class)
	void closeDropsTheDatabaseAndItsRoles(DatabaseKind kind) {
		try (TestDatabase witness = TestDatabases.create(kind)) {
			TestDatabase database = TestDatabases.create(kind);
			String role = database.createRole("reader", "reader-secret");
			database.execute("CREATE TABLE widget (id INT)");
			assertThat(databaseExists(witness, database.name())).isTrue();
			assertThat(roleExists(witness, role)).isTrue();
			database.close();
			database.close();
			assertThat(databaseExists(witness, database.name())).isFalse();
			assertThat(roleExists(witness, role)).isFalse();
			assertThatExceptionOfType(SQLException.class)
				.isThrownBy(() -> database.dataSource().getConnection().close());
		}
	}

	@ParameterizedTest
	@EnumSource(DatabaseKind.class)
	void springPropertiesPointAtTheDatabase(DatabaseKind kind) {
		try (TestDatabase database = TestDatabases.create(kind)) {
			assertThat(database.urlWithoutCredentials()).isEqualTo(database.url()).doesNotContain("password=");
			assertThat(database.springProperties()).containsEntry("spring.datasource.url", database.url())
				.containsEntry("spring.datasource.username", database.username())
				.containsEntry("spring.datasource.password", database.password());
			assertThat(database.springPropertyPairs()).containsExactly("spring.datasource.url=" + database.url(),
					"spring.datasource.username=" + database.username(),
					"spring.datasource.password=" + database.password());
			assertThat(database.source()).isNotBlank();
		}
	}

	private static List<String> tables(DataSource dataSource) throws SQLException {
		List<String> tables = new ArrayList<>();
		try (Connection connection = dataSource.getConnection();
				ResultSet rs = connection.getMetaData()
					.getTables(connection.getCatalog(), connection.getSchema(), "%", new String[] { "TABLE" })) {
			while (rs.next()) {
				tables.add(rs.getString("TABLE_NAME"));
			}
		}
		return tables;
	}

	private static boolean databaseExists(TestDatabase witness, String name) {
		String sql = (witness.kind() == DatabaseKind.POSTGRESQL) ? "SELECT count(*) FROM pg_database WHERE datname = ?"
				: "SELECT count(*) FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = ?";
		return count(witness, sql, name) > 0;
	}

	private static boolean roleExists(TestDatabase witness, String role) {
		String sql = (witness.kind() == DatabaseKind.POSTGRESQL) ? "SELECT count(*) FROM pg_roles WHERE rolname = ?"
				: "SELECT count(*) FROM mysql.user WHERE User = ?";
		return count(witness, sql, role) > 0;
	}

	private static int count(TestDatabase witness, String sql, String argument) {
		Integer count = new JdbcTemplate(witness.dataSource()).queryForObject(sql, Integer.class, argument);
		return (count != null) ? count : 0;
	}

}
