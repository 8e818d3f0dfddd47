package io.schemagate.internal.check.differential;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import org.springframework.jdbc.datasource.DelegatingDataSource;

import io.schemagate.testsupport.TestDatabase;

/**
 * A pool of PostgreSQL connections in which every connection handed out starts as a new
 * session would: {@code DISCARD ALL} ends the settings ({@code search_path} and the
 * rest), advisory locks, prepared statements and temporary tables an earlier case left. A
 * case opens a dozen connections, and a new PostgreSQL connection costs about 20 ms on a
 * small machine (the server starts a process for it), more than the rest of the case.
 */
final class FreshSessionPool extends DelegatingDataSource implements AutoCloseable {

	private final HikariDataSource pool;

	private FreshSessionPool(HikariDataSource pool) {
		super(pool);
		this.pool = pool;
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
		return new FreshSessionPool(new HikariDataSource(config));
	}

	@Override
	public Connection getConnection() throws SQLException {
		Connection connection = this.pool.getConnection();
		try (Statement statement = connection.createStatement()) {
			statement.execute("DISCARD ALL");
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

}
