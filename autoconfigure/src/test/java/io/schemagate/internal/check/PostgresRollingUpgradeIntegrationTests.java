package io.schemagate.internal.check;

import javax.sql.DataSource;

import org.junit.jupiter.api.extension.RegisterExtension;

import io.schemagate.testsupport.DatabaseKind;
import io.schemagate.testsupport.TestDatabaseExtension;

/**
 * {@link AbstractRollingUpgradeIntegrationTests} on PostgreSQL, where a failed migration
 * rolls back.
 */
class PostgresRollingUpgradeIntegrationTests extends AbstractRollingUpgradeIntegrationTests {

	@RegisterExtension
	final TestDatabaseExtension database = new TestDatabaseExtension(DatabaseKind.POSTGRESQL);

	@Override
	protected DataSource dataSource() {
		return this.database.get().dataSource();
	}

	@Override
	protected boolean recordsFailedMigrations() {
		return false;
	}

}
