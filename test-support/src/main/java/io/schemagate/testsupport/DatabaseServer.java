package io.schemagate.testsupport;

import java.util.function.Consumer;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A reachable database server and the admin credentials to use on it.
 *
 * @param kind the kind of server
 * @param adminUrl JDBC URL of an admin database on the server, without credentials
 * @param username admin user name
 * @param password admin password, empty if none
 * @param source human-readable description of where the server came from
 * @author Schemagate
 */
record DatabaseServer(DatabaseKind kind, String adminUrl, String username, String password, String source) {

	DataSource adminDataSource() {
		return this.kind.dataSource(this.adminUrl, this.username, this.password);
	}

	/**
	 * Run admin statements over this server's kept admin connection
	 * ({@link AdminSession}), one caller at a time.
	 * @param statements the statements, given a template over the connection
	 */
	void admin(Consumer<JdbcTemplate> statements) {
		AdminSession.of(this).run(statements);
	}

	String databaseUrl(String database) {
		return JdbcUrls.withDatabase(this.adminUrl, database);
	}

	ServerAdmin serverAdmin() {
		return ServerAdmin.of(this.kind);
	}

	/**
	 * Open and close one admin connection, failing if the server cannot be reached.
	 * @return this server
	 */
	DatabaseServer verified() {
		new JdbcTemplate(adminDataSource()).execute("SELECT 1");
		return this;
	}

	@Override
	public String toString() {
		return this.kind.id() + ": " + this.source;
	}

}
