package io.schemagate.internal.check.differential;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import io.schemagate.testsupport.DatabaseKind;
import io.schemagate.testsupport.TestDatabase;
import io.schemagate.testsupport.TestDatabases;

/**
 * {@link AbstractFlywayDifferentialTests} on PostgreSQL, a schema per case in one test
 * database.
 */
class PostgresFlywayDifferentialTests extends AbstractFlywayDifferentialTests {

	private TestDatabase database;

	@BeforeEach
	void createDatabase() {
		this.database = TestDatabases.create(DatabaseKind.POSTGRESQL);
	}

	@AfterEach
	void dropDatabase() {
		this.database.close();
	}

	@Override
	protected CaseDatabase database(int id) {
		String schema = "case_" + id;
		return new CaseDatabase(this.database.dataSource(), schema, "\"",
				() -> this.database.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE"));
	}

	@Override
	protected String name() {
		return "postgresql";
	}

}
