package io.schemagate.internal.check.differential;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.jdbc.core.JdbcTemplate;

import io.schemagate.testsupport.DatabaseKind;
import io.schemagate.testsupport.TestDatabase;
import io.schemagate.testsupport.TestDatabases;

/**
 * {@link AbstractFlywayDifferentialTests} on MariaDB, a database (MariaDB's schema) per
 * case, created by Flyway and dropped after the case, over a pool of connections that
 * each start as a new session.
 */
class MariaDbFlywayDifferentialTests extends AbstractFlywayDifferentialTests {

	private TestDatabase database;

	private FreshSessionPool sessions;

	@BeforeEach
	void createDatabase() {
		this.database = TestDatabases.create(DatabaseKind.MARIADB);
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
		String schema = this.database.name() + "_" + id;
		return new CaseDatabase(this.sessions, schema, "`",
				() -> new JdbcTemplate(this.sessions).execute("DROP DATABASE IF EXISTS `" + schema + "`"));
	}

	@Override
	protected String name() {
		return "mariadb";
	}

}
