package io.schemagate.testsupport;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The one admin connection a server's databases and roles are created and dropped over,
 * kept open for the JVM and used by one caller at a time. A new PostgreSQL connection
 * costs about 20 ms on a small machine (the server starts a process for it), and each
 * test database took four of them: create, then end sessions, read the version and drop.
 * A connection the server ended (a test that ends sessions, a server restart) is replaced
 * before use.
 *
 * @author Schemagate
 */
final class AdminSession {

	private static final Map<DatabaseServer, AdminSession> sessions = new ConcurrentHashMap<>();

	private static final int VALIDATION_TIMEOUT_SECONDS = 5;

	private final DatabaseServer server;

	private @Nullable SingleConnectionDataSource connection;

	private AdminSession(DatabaseServer server) {
		this.server = server;
	}

	static AdminSession of(DatabaseServer server) {
		return sessions.computeIfAbsent(server, AdminSession::new);
	}

	/**
	 * Run admin statements over the kept connection, while no other caller does.
	 * @param statements the statements, given a template over the connection
	 */
	synchronized void run(Consumer<JdbcTemplate> statements) {
		statements.accept(new JdbcTemplate(open()));
	}

	private SingleConnectionDataSource open() {
		SingleConnectionDataSource kept = this.connection;
		if (kept != null && isValid(kept)) {
			return kept;
		}
		if (kept != null) {
			kept.destroy();
		}
		try {
			Connection target = this.server.adminDataSource().getConnection();
			target.setAutoCommit(true);
			kept = new SingleConnectionDataSource(target, true);
		}
		catch (SQLException ex) {
			throw new CannotGetJdbcConnectionException("No admin connection to " + this.server, ex);
		}
		this.connection = kept;
		return kept;
	}

	private static boolean isValid(SingleConnectionDataSource kept) {
		try {
			return kept.getConnection().isValid(VALIDATION_TIMEOUT_SECONDS);
		}
		catch (SQLException ex) {
			return false;
		}
	}

}
