package io.schemagate.internal.check;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.schemagate.testsupport.DatabaseKind;
import io.schemagate.verify.SchemaState;
import io.schemagate.verify.SchemaStatus;

import static org.assertj.core.api.Assertions.assertThat;

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

	@Override
	protected void grantSelectOnHistory(String role) {
		String history = this.database.get().name() + ".flyway_schema_history";
		this.database.get()
			.execute("GRANT SELECT ON " + history + " TO '" + role + "'@'%'",
					"GRANT SELECT ON " + history + " TO '" + role + "'@'localhost'");
	}

}
