package io.schemagate.testsupport;

import java.util.List;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@link ServerAdmin} for MariaDB.
 *
 * @author Schemagate
 */
final class MariaDbAdmin implements ServerAdmin {

	private static final List<String> HOSTS = List.of("%", "localhost");

	@Override
	public void createDatabase(JdbcTemplate admin, String database) {
		admin.execute("CREATE DATABASE " + quote(database) + " CHARACTER SET utf8mb4");
	}

	@Override
	public void createRole(JdbcTemplate admin, JdbcTemplate inDatabase, String database, String role, String password) {
		for (String host : HOSTS) {
			String user = "'" + role + "'@'" + host + "'";
			admin.execute("CREATE USER " + user + " IDENTIFIED BY '" + password + "'");
			// MariaDB lets a user select a default database only if it holds some
			// privilege
			// on it. SHOW VIEW is the weakest: no data, no DDL, no DML.
			admin.execute("GRANT SHOW VIEW ON " + quote(database) + ".* TO " + user);
		}
	}

	@Override
	public void dropDatabase(JdbcTemplate admin, String database) {
		List<Long> connections = admin.queryForList(
				"SELECT ID FROM information_schema.PROCESSLIST WHERE DB = ? AND ID <> CONNECTION_ID()", Long.class,
				database);
		for (Long id : connections) {
			try {
				admin.execute("KILL CONNECTION " + id);
			}
			catch (DataAccessException ex) {
				// Already gone.
			}
		}
		admin.execute("DROP DATABASE IF EXISTS " + quote(database));
	}

	@Override
	public void dropRole(JdbcTemplate admin, String role) {
		admin.execute("DROP USER IF EXISTS '" + role + "'@'%', '" + role + "'@'localhost'");
	}

	private static String quote(String identifier) {
		return "`" + identifier + "`";
	}

}
