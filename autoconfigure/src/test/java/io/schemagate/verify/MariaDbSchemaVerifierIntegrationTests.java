package io.schemagate.verify;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import io.schemagate.testsupport.DatabaseKind;
import io.schemagate.testsupport.TestDatabase;
import io.schemagate.testsupport.TestDatabases;

/**
 * {@link AbstractSchemaVerifierIntegrationTests} on MariaDB, whose DDL is not
 * transactional.
 */
class MariaDbSchemaVerifierIntegrationTests extends AbstractSchemaVerifierIntegrationTests {

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
	protected DataSource dataSource() {
		return this.database.dataSource();
	}

	@Override
	protected DataSource unreachableDataSource() {
		return dataSource("jdbc:mariadb://127.0.0.1:1/nobody?user=nobody&password=secret");
	}

}
