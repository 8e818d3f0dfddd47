package io.schemagate.internal.check.differential;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import io.schemagate.testsupport.DatabaseKind;
import io.schemagate.testsupport.TestDatabase;
import io.schemagate.testsupport.TestDatabases;

/**
 * {@link AbstractFlywayDifferentialTests} on MariaDB, a database (MariaDB's schema) per
 * case, created by Flyway and dropped after the case.
 */
class MariaDbFlywayDifferentialTests extends AbstractFlywayDifferentialTests {

	private TestDatabase database;

	@BeforeEach
	void createDatabase() {
		this.database = TestDatabases.create(DatabaseKind.MARIADB);
	}

	@AfterEach
	void dropDatabase() {
		this.database.close();
	}

	@Override
	protected CaseDatabase database(int id) {
		String schema = this.database.name() + "_" + id;
		return new CaseDatabase(this.database.dataSource(), schema, "`",
				() -> this.database.execute("DROP DATABASE IF EXISTS `" + schema + "`"));
	}

	@Override
	protected String name() {
		return "mariadb";
	}

}
