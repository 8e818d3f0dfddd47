package io.schemagate.verify;

import java.time.Duration;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.JdbcTemplate;

import io.schemagate.testsupport.DatabaseKind;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@link AbstractSchemaVerifierIntegrationTests} on MariaDB, whose DDL is not
 * transactional.
 */
class MariaDbSchemaVerifierIntegrationTests extends AbstractServerSchemaVerifierIntegrationTests {

	MariaDbSchemaVerifierIntegrationTests() {
		super(DatabaseKind.MARIADB);
	}

	@Test
	void verifyReportsUnreachableForWrongPasswordWithoutLeakingIt() {
		String role = this.database.get().createRole("runtime", "right-password");
		SchemaStatus status = SchemaVerifier
			.of(configure().dataSource(this.database.get().dataSource(role, SECRET)), Duration.ofSeconds(5))
			.check();
		assertThat(status.state()).isEqualTo(SchemaState.UNREACHABLE);
		assertThat(status.error()).contains("Access denied").doesNotContain(SECRET).doesNotContain("right-password");
	}

	@Test
	void verifyWorksForUserThatCanOnlyReadTheHistory() {
		migrate();
		String role = this.database.get().createRole("runtime", "runtime-secret");
		String database = this.database.get().name();
		this.database.get()
			.execute("GRANT SELECT ON " + database + ".flyway_schema_history TO '" + role + "'@'%'",
					"GRANT SELECT ON " + database + ".flyway_schema_history TO '" + role + "'@'localhost'");
		DataSource runtime = this.database.get().dataSource(role, "runtime-secret");
		SchemaStatus status = SchemaVerifier.of(configure().dataSource(runtime), Duration.ofSeconds(5)).check();
		assertThat(status.state()).isEqualTo(SchemaState.READY);
		assertThatExceptionOfType(Exception.class)
			.isThrownBy(() -> new JdbcTemplate(runtime).execute("CREATE TABLE intruder (id INT)"));
		assertThatExceptionOfType(Exception.class)
			.isThrownBy(() -> new JdbcTemplate(runtime).execute("DELETE FROM flyway_schema_history"));
	}

}
