package db.scannedjava;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * A Java migration found by scanning a classpath location, for the scanner's tests.
 */
public class V3__Add_rye extends BaseJavaMigration {

	@Override
	public void migrate(Context context) {
	}

}
