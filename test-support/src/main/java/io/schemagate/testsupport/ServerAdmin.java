package io.schemagate.testsupport;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The administrative SQL that differs between server kinds. Database and role names are
 * generated or validated ({@code [a-z0-9_]}) and passwords contain neither quotes nor
 * backslashes, so they are inlined as identifiers and literals.
 *
 * @author Schemagate
 */
interface ServerAdmin {

	void createDatabase(JdbcTemplate admin, String database);

	void createRole(JdbcTemplate admin, JdbcTemplate inDatabase, String database, String role, String password);

	void dropDatabase(JdbcTemplate admin, String database);

	void dropRole(JdbcTemplate admin, String role);

	static ServerAdmin of(DatabaseKind kind) {
		return switch (kind) {
			case POSTGRESQL -> new PostgresAdmin();
			case MARIADB -> new MariaDbAdmin();
		};
	}

}
