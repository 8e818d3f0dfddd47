package io.schemagate.internal.check.differential;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import org.springframework.jdbc.datasource.DelegatingDataSource;

import io.schemagate.testsupport.TestDatabase;

/**
 * A pool of connections in which every connection handed out starts as a new session
 * would. On PostgreSQL {@code DISCARD ALL} ends the settings ({@code search_path} and the
 * rest), advisory locks, prepared statements and temporary tables an earlier case left;
 * on MariaDB a reset of the connection ({@code COM_RESET_CONNECTION}) ends the session
 * variables, user variables, temporary tables and prepared statements, and the test
 * database becomes the current one again. A case opens a dozen connections, and a new
 * PostgreSQL connection costs about 20 ms on a small machine (the server starts a process
 * for it), more than the rest of the case.
 */
final class FreshSessionPool extends DelegatingDataSource implements AutoCloseable {

	private final HikariDataSource pool;

	private final Freshener freshener;

	private FreshSessionPool(HikariDataSource pool, Freshener freshener) {
		super(pool);
		this.pool = pool;
		this.freshener = freshener;
	}

	/**
	 * A pool for a database, as its admin.
	 * @param database the database
	 * @param size the most connections at once
	 * @return the pool, to close after use
	 */
	static FreshSessionPool of(TestDatabase database, int size) {
		HikariConfig config = new HikariConfig();
		config.setJdbcUrl(database.url());
		config.setUsername(database.username());
		config.setPassword(database.password());
		config.setMaximumPoolSize(size);
		config.setPoolName("differential");
		return new FreshSessionPool(new HikariDataSource(config), freshener(database));
	}

	private static Freshener freshener(TestDatabase database) {
		return switch (database.kind()) {
			case POSTGRESQL -> (connection) -> execute(connection, "DISCARD ALL");
			case MARIADB -> (connection) -> {
				connection.unwrap(org.mariadb.jdbc.Connection.class).reset();
				execute(connection, "USE `" + database.name() + "`");
			};
		};
	}

	private static void execute(Connection connection, String sql) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

	@Override
	public Connection getConnection() throws SQLException {
		Connection connection = this.pool.getConnection();
		try {
			this.freshener.freshen(connection);
			return connection;
		}
		catch (SQLException ex) {
			connection.close();
			throw ex;
		}
	}

	@Override
	public Connection getConnection(String username, String password) throws SQLException {
		throw new UnsupportedOperationException("One user: the database's admin");
	}

	@Override
	public void close() {
		this.pool.close();
	}

	@FunctionalInterface
	private interface Freshener {

		void freshen(Connection connection) throws SQLException;

	}

}
