package io.schemagate.sample;

import javax.sql.DataSource;

import io.schemagate.testsupport.TestDatabase;

/**
 * The two PostgreSQL roles of a rollout, in the spirit of
 * {@code docs/sql/postgresql-roles.sql}: a migrator that the migration job uses for DDL,
 * and a runtime role for the services that can read and write the application's tables
 * but can neither run DDL nor change the schema history.
 */
final class DatabaseRoles {

	static final String MIGRATOR_PASSWORD = "migrator-secret";

	static final String RUNTIME_PASSWORD = "runtime-secret";

	private final TestDatabase database;

	private final String migrator;

	private final String runtime;

	private DatabaseRoles(TestDatabase database, String migrator, String runtime) {
		this.database = database;
		this.migrator = migrator;
		this.runtime = runtime;
	}

	/**
	 * Create both roles on an empty database, as an admin would before the first rollout.
	 * @param database the database
	 * @return the roles
	 */
	static DatabaseRoles create(TestDatabase database) {
		// createRole gives CONNECT only; PostgreSQL 15 no longer lets PUBLIC create in
		// public
		String migrator = database.createRole("migrator", MIGRATOR_PASSWORD);
		String runtime = database.createRole("runtime", RUNTIME_PASSWORD);
		database.execute("GRANT ALL ON DATABASE " + quote(database.name()) + " TO " + quote(migrator),
				"GRANT CREATE, USAGE ON SCHEMA public TO " + quote(migrator),
				"GRANT USAGE ON SCHEMA public TO " + quote(runtime),
				// Every table, view and sequence the migrator creates later is usable by
				// the services, without a GRANT in each migration
				"ALTER DEFAULT PRIVILEGES FOR ROLE " + quote(migrator) + " IN SCHEMA public"
						+ " GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO " + quote(runtime),
				"ALTER DEFAULT PRIVILEGES FOR ROLE " + quote(migrator) + " IN SCHEMA public"
						+ " GRANT USAGE, SELECT ON SEQUENCES TO " + quote(runtime));
		return new DatabaseRoles(database, migrator, runtime);
	}

	/**
	 * Leave the runtime role only {@code SELECT} on the schema history and Schemagate's
	 * compatibility table, once the first migration job has created them.
	 * <p>
	 * The default privileges above also cover {@code flyway_schema_history}, which the
	 * migrator creates: that gives the services the {@code SELECT} that verification
	 * needs, but also {@code INSERT}, {@code UPDATE} and {@code DELETE}. PostgreSQL's
	 * default privileges cannot leave one table out, and granting table by table would
	 * have to follow every migration, so the writes are revoked from that one table after
	 * the first job. Later jobs keep the table, and so the revoke.
	 */
	void protectHistory() {
		this.database.execute("REVOKE INSERT, UPDATE, DELETE ON flyway_schema_history FROM " + quote(this.runtime),
				"REVOKE INSERT, UPDATE, DELETE ON schemagate_compatibility FROM " + quote(this.runtime));
	}

	String migrator() {
		return this.migrator;
	}

	String runtime() {
		return this.runtime;
	}

	DataSource runtimeDataSource() {
		return this.database.dataSource(this.runtime, RUNTIME_PASSWORD);
	}

	private static String quote(String identifier) {
		return "\"" + identifier + "\"";
	}

}
