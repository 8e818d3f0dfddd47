package io.schemagate.verify;

import javax.sql.DataSource;

import org.junit.jupiter.api.extension.RegisterExtension;

import io.schemagate.testsupport.DatabaseKind;
import io.schemagate.testsupport.TestDatabaseExtension;

/**
 * {@link AbstractSchemaVerifierIntegrationTests} on MariaDB, whose DDL is not
 * transactional.
 */
class MariaDbSchemaVerifierIntegrationTests extends AbstractSchemaVerifierIntegrationTests {

	@RegisterExtension
	final TestDatabaseExtension database = new TestDatabaseExtension(DatabaseKind.MARIADB);

	@Override
	protected DataSource dataSource() {
		return this.database.get().dataSource();
	}

	@Override
	protected DataSource unreachableDataSource() {
		return dataSource("jdbc:mariadb://127.0.0.1:1/nobody?user=nobody&password=secret");
	}

}
