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
	protected String urlWithUnknownHost() {
		return "jdbc:mariadb://no-such-host.invalid:3306/nobody?user=nobody&password=" + SECRET;
	}

	@Override
	protected String urlOfMissingDatabase() {
		String url = this.database.get().url();
		return url.substring(0, url.lastIndexOf('/') + 1) + "sg_no_such_database?user=" + this.database.get().username()
				+ "&password=" + SECRET;
	}

	@Override
	protected DataSource unreachableDataSource() {
		return dataSource("jdbc:mariadb://127.0.0.1:1/nobody?user=nobody&password=secret");
	}

}
