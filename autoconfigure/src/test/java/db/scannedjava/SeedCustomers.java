package db.scannedjava;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * A Java migration whose name follows no migration prefix: Flyway loads every
 * {@code JavaMigration} of a classpath location, whatever its name.
 */
public class SeedCustomers implements JavaMigration {

	@Override
	public MigrationVersion getVersion() {
		return MigrationVersion.fromVersion("4");
	}

	@Override
	public String getDescription() {
		return "seed customers";
	}

	@Override
	public Integer getChecksum() {
		return 4004;
	}

	@Override
	public boolean canExecuteInTransaction() {
		return true;
	}

	@Override
	public void migrate(Context context) {
	}

}
