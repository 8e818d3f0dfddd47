package io.schemagate.testsupport;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@link ServerAdmin} for PostgreSQL.
 *
 * @author Schemagate
 */
final class PostgresAdmin implements ServerAdmin {

	@Override
	public void createDatabase(JdbcTemplate admin, String database) {
		admin.execute("CREATE DATABASE " + quote(database));
	}

	@Override
	public void createRole(JdbcTemplate admin, JdbcTemplate inDatabase, String database, String role, String password) {
		admin.execute("CREATE ROLE " + quote(role) + " LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD '" + password
				+ "'");
		admin.execute("GRANT CONNECT ON DATABASE " + quote(database) + " TO " + quote(role));
		// No temporary tables either; PUBLIC keeps CONNECT.
		admin.execute("REVOKE TEMPORARY ON DATABASE " + quote(database) + " FROM PUBLIC");
		// PostgreSQL 15+ already does this by default; older servers do not.
		inDatabase.execute("REVOKE CREATE ON SCHEMA public FROM PUBLIC");
	}

	@Override
	public void dropDatabase(JdbcTemplate admin, String database) {
		admin.queryForList("SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
				+ " WHERE datname = ? AND pid <> pg_backend_pid()", database);
		Integer version = admin.queryForObject("SHOW server_version_num", Integer.class);
		boolean force = version != null && version >= 130000;
		admin.execute("DROP DATABASE IF EXISTS " + quote(database) + (force ? " WITH (FORCE)" : ""));
	}

	@Override
	public void dropRole(JdbcTemplate admin, String role) {
		admin.execute("DROP ROLE IF EXISTS " + quote(role));
	}

	private static String quote(String identifier) {
		return "\"" + identifier + "\"";
	}

}
