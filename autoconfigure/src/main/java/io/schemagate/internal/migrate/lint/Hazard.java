package io.schemagate.internal.migrate.lint;

/**
 * A kind of statement that breaks the application version still running, what breaks and
 * the expand/contract way to the same schema.
 */
enum Hazard {

	DROP_TABLE("drops table %s, which the running version still reads and writes",
			later("stop using the table in one release, then drop it")),

	DROP_VIEW("drops view %s, which the running version still queries",
			later("stop using the view in one release, then drop it")),

	DROP_COLUMN("drops column %2$s of %1$s, which the running version still reads and writes",
			later("stop reading and writing the column in one release, then drop it")),

	RENAME_TABLE("renames table %s to %s, so the running version's statements on the old name fail",
			later("create the new table, copy the data, switch the application to it, and drop the old one")),

	RENAME_COLUMN("renames column %2$s of %1$s to %3$s, so the running version's statements on the old name fail",
			later("add the new column, backfill it, switch the application to it, and drop the old one")),

	CHANGE_TYPE("changes the type of column %2$s of %1$s, which the running version reads and writes as the old type",
			later("add a column of the new type, backfill it, switch the application to it, and drop the old one")),

	REDEFINE_COLUMN(
			"redefines column %2$s of %1$s, which may change the type, nullability or default the running version relies on",
			later("add a column with the new definition, backfill it, switch the application to it, and drop the old one")),

	ADD_NOT_NULL("adds column %2$s to %1$s as NOT NULL without a DEFAULT, so the running version's inserts fail",
			later("add the column nullable or with a DEFAULT, backfill it, and add NOT NULL")),

	SET_NOT_NULL("makes column %2$s of %1$s NOT NULL, so the running version's writes that leave it empty fail",
			later("backfill the column, make the application always set it, and add NOT NULL"));

	private final String problem;

	private final String alternative;

	Hazard(String problem, String alternative) {
		this.problem = problem;
		this.alternative = alternative;
	}

	/**
	 * The hazard found in a statement.
	 * @param names the names of the table, column or new name the problem text mentions,
	 * as written in the statement
	 * @return the finding
	 */
	Finding found(String... names) {
		Object[] quoted = new Object[names.length];
		for (int i = 0; i < names.length; i++) {
			quoted[i] = "'" + names[i] + "'";
		}
		return new Finding(this, String.format(this.problem, quoted));
	}

	String alternative() {
		return this.alternative;
	}

	private static String later(String steps) {
		return steps + " in a later release whose script declares '-- schemagate:breaks-before <version>'";
	}

	/**
	 * A hazard found in a statement.
	 *
	 * @param hazard the hazard
	 * @param problem what breaks, naming the objects
	 */
	record Finding(Hazard hazard, String problem) {

	}

}
