package io.schemagate.internal.check;

import java.util.UUID;
import javax.sql.DataSource;

/**
 * {@link AbstractSchemaVerifierIntegrationTests} on an in-memory H2 database.
 */
class H2SchemaVerifierIntegrationTests extends AbstractSchemaVerifierIntegrationTests {

	private final DataSource dataSource = dataSource("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1;USER=sa");

	@Override
	protected DataSource dataSource() {
		return this.dataSource;
	}

	@Override
	protected String urlWithUnknownHost() {
		return "jdbc:h2:tcp://no-such-host.invalid/mem:nobody;USER=sa;PASSWORD=" + SECRET;
	}

	@Override
	protected String urlOfMissingDatabase() {
		return "jdbc:h2:file:./target/no-such-dir/missing;IFEXISTS=TRUE;USER=sa;PASSWORD=" + SECRET;
	}

	@Override
	protected DataSource unreachableDataSource() {
		return dataSource("jdbc:h2:tcp://127.0.0.1:1/mem:nobody;USER=sa");
	}

}
