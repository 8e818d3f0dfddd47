package io.schemagate.internal.check;

import java.util.UUID;
import javax.sql.DataSource;

import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * {@link AbstractRollingUpgradeIntegrationTests} on an in-memory H2 database.
 */
class H2RollingUpgradeIntegrationTests extends AbstractRollingUpgradeIntegrationTests {

	private final DataSource dataSource = new DriverManagerDataSource(
			"jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1;USER=sa");

	@Override
	protected DataSource dataSource() {
		return this.dataSource;
	}

	@Override
	protected boolean recordsFailedMigrations() {
		return true;
	}

}
