package io.schemagate.internal.check.differential;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.jdbc.core.JdbcTemplate;

import io.schemagate.testsupport.DatabaseKind;
import io.schemagate.testsupport.TestDatabase;
import io.schemagate.testsupport.TestDatabases;

/**
 * {@link AbstractFlywayDifferentialTests} on PostgreSQL, a schema per case in one test
 * database, over a pool of connections that each start as a new session.
 */
class PostgresFlywayDifferentialTests extends AbstractFlywayDifferentialTests {

	private TestDatabase database;

	private FreshSessionPool sessions;

	@BeforeEach
	void createDatabase() {
		this.database = TestDatabases.create(DatabaseKind.POSTGRESQL);
		// two cases at once, each with Flyway's two connections and one more at most
		this.sessions = FreshSessionPool.of(this.database, 6);
	}

	@AfterEach
	void dropDatabase() {
		this.sessions.close();
		this.database.close();
	}

	@Override
	protected CaseDatabase database(int id) {
		String schema = "case_" + id;
		return new CaseDatabase(this.sessions, schema, "\"",
				() -> new JdbcTemplate(this.sessions).execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE"));
	}

	@Override
	protected String name() {
		return "postgresql";
	}

}
