package db.scannedjava;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Nested Java migrations, which Flyway loads too, and an abstract one, which it skips.
 */
public final class Migrations {

	private Migrations() {
	}

	/**
	 * A nested migration, named as Flyway names Java migrations.
	 */
	public static class V5__Nested_rolls extends BaseJavaMigration {

		@Override
		public void migrate(Context context) {
		}

	}

	/**
	 * An abstract migration: not a migration of its own.
	 */
	public abstract static class V6__Abstract extends BaseJavaMigration {

	}

}
