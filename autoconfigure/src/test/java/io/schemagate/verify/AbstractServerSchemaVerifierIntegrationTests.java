package io.schemagate.verify;

import javax.sql.DataSource;

import org.junit.jupiter.api.extension.RegisterExtension;

import io.schemagate.testsupport.DatabaseKind;
import io.schemagate.testsupport.TestDatabaseExtension;

/**
 * {@link AbstractSchemaVerifierIntegrationTests} on a database server, with a fresh
 * database for each test.
 */
abstract class AbstractServerSchemaVerifierIntegrationTests extends AbstractSchemaVerifierIntegrationTests {

	@RegisterExtension
	final TestDatabaseExtension database;

	private final String scheme;

	AbstractServerSchemaVerifierIntegrationTests(DatabaseKind kind) {
		this.database = new TestDatabaseExtension(kind);
		this.scheme = "jdbc:" + kind.id() + "://";
	}

	@Override
	protected DataSource dataSource() {
		return this.database.get().dataSource();
	}

	@Override
	protected String urlWithUnknownHost() {
		return this.scheme + "no-such-host.invalid:1/nobody?user=nobody&password=" + SECRET;
	}

	@Override
	protected String urlOfMissingDatabase() {
		String url = this.database.get().url();
		return url.substring(0, url.lastIndexOf('/') + 1) + "sg_no_such_database?user=" + this.database.get().username()
				+ "&password=" + SECRET;
	}

	@Override
	protected DataSource unreachableDataSource() {
		return dataSource(this.scheme + "127.0.0.1:1/nobody?user=nobody&password=" + SECRET);
	}

}
