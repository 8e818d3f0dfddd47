package io.schemagate.testsupport;

import java.net.URI;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.Assert;

/**
 * A fresh database created by {@link TestDatabases#create(DatabaseKind)}, dropped again
 * by {@link #close()}. Connections use the server's admin credentials unless stated
 * otherwise.
 *
 * @author Schemagate
 */
public final class TestDatabase implements AutoCloseable {

	private static final Pattern ROLE_BASE_NAME = Pattern.compile("[a-z][a-z0-9_]{0,39}");

	private final DatabaseServer server;

	private final String name;

	private final String suffix;

	private final List<String> roles = new ArrayList<>();

	private boolean closed;

	TestDatabase(DatabaseServer server, String name, String suffix) {
		this.server = server;
		this.name = name;
		this.suffix = suffix;
	}

	/**
	 * Return the kind of server the database lives on.
	 * @return the kind
	 */
	public DatabaseKind kind() {
		return this.server.kind();
	}

	/**
	 * Return the database name, {@code sg_} followed by 12 random characters.
	 * @return the name
	 */
	public String name() {
		return this.name;
	}

	/**
	 * Return the JDBC URL of the database, without credentials.
	 * @return the URL
	 */
	public String url() {
		return this.server.databaseUrl(this.name);
	}

	/**
	 * Start a proxy to this database's server, to cut or stall its connections.
	 * @return the proxy, to close after use
	 * @see #urlThrough(TcpProxy)
	 */
	public TcpProxy proxy() {
		URI address = JdbcUrls.address(url());
		return new TcpProxy(address.getHost(), address.getPort());
	}

	/**
	 * Return the JDBC URL of the database through a proxy from {@link #proxy()}.
	 * @param proxy the proxy
	 * @return the URL, without credentials
	 */
	public String urlThrough(TcpProxy proxy) {
		return JdbcUrls.withAddress(url(), "127.0.0.1", proxy.port());
	}

	/**
	 * Same as {@link #url()}: the URL never embeds credentials.
	 * @return the URL
	 */
	public String urlWithoutCredentials() {
		return url();
	}

	/**
	 * Return the admin user name.
	 * @return the user name
	 */
	public String username() {
		return this.server.username();
	}

	/**
	 * Return the admin password, empty if there is none.
	 * @return the password
	 */
	public String password() {
		return this.server.password();
	}

	/**
	 * Return where the server came from, e.g. {@code explicit URL ...} or
	 * {@code embedded PostgreSQL 14.22 on port 40123}.
	 * @return the description
	 */
	public String source() {
		return this.server.source();
	}

	/**
	 * Return a non-pooled {@link DataSource} for this database with admin credentials.
	 * @return the data source
	 */
	public DataSource dataSource() {
		return dataSource(username(), password());
	}

	/**
	 * Return a non-pooled {@link DataSource} for this database with the given
	 * credentials.
	 * @param user the user name, e.g. from {@link #createRole(String, String)}
	 * @param password the password
	 * @return the data source
	 */
	public DataSource dataSource(String user, String password) {
		return kind().dataSource(url(), user, password);
	}

	/**
	 * Run SQL statements, in order, as admin on this database over one connection.
	 * @param sql the statements
	 * @throws org.springframework.dao.DataAccessException if a statement fails
	 */
	public void execute(String... sql) {
		new JdbcTemplate(dataSource()).execute((ConnectionCallback<Void>) (connection) -> {
			try (Statement statement = connection.createStatement()) {
				for (String each : sql) {
					statement.execute(each);
				}
			}
			return null;
		});
	}

	/**
	 * Create a login role (PostgreSQL) or user (MariaDB, for hosts {@code %} and
	 * {@code localhost}) that can connect to this database but has no other rights: it
	 * can neither read nor write nor create tables until granted. On MariaDB it holds
	 * {@code SHOW VIEW} on this database, because MariaDB needs some privilege on a
	 * database to use it as the default one.
	 * <p>
	 * Roles are server-wide, so the actual name is {@code baseName + "_" + suffix}, with
	 * this database's 12 random characters as suffix; the same base name can be used once
	 * per database. The role is dropped by {@link #close()}.
	 * @param baseName base name, {@code [a-z][a-z0-9_]{0,39}}
	 * @param password the password, without quotes or backslashes
	 * @return the actual role name
	 */
	public synchronized String createRole(String baseName, String password) {
		Assert.isTrue(ROLE_BASE_NAME.matcher(baseName).matches(), "Role base name must match " + ROLE_BASE_NAME);
		Assert.isTrue(password.indexOf('\'') < 0 && password.indexOf('\\') < 0,
				"Password must contain neither quotes nor backslashes");
		String role = baseName + "_" + this.suffix;
		JdbcTemplate inDatabase = new JdbcTemplate(dataSource());
		try {
			this.server
				.admin((admin) -> this.server.serverAdmin().createRole(admin, inDatabase, this.name, role, password));
		}
		catch (DataAccessException ex) {
			// Not ex itself: its message holds the SQL, and so the password.
			Throwable cause = ex.getMostSpecificCause();
			throw new IllegalStateException("Could not create role " + role + ": " + cause.getMessage(), cause);
		}
		this.roles.add(role);
		return role;
	}

	/**
	 * Return {@code spring.datasource.url}, {@code .username} and {@code .password} for
	 * this database.
	 * @return the properties, in that order
	 */
	public Map<String, String> springProperties() {
		Map<String, String> properties = new LinkedHashMap<>();
		properties.put("spring.datasource.url", url());
		properties.put("spring.datasource.username", username());
		properties.put("spring.datasource.password", password());
		return properties;
	}

	/**
	 * Return {@link #springProperties()} as {@code key=value} strings, e.g. for
	 * {@code ApplicationContextRunner.withPropertyValues}.
	 * @return the properties as pairs
	 */
	public String[] springPropertyPairs() {
		return springProperties().entrySet()
			.stream()
			.map((entry) -> entry.getKey() + "=" + entry.getValue())
			.toArray(String[]::new);
	}

	/**
	 * Drop the database, after ending other sessions on it, and the roles created through
	 * {@link #createRole(String, String)}. Failures are printed, not thrown. Calling this
	 * more than once has no further effect.
	 */
	@Override
	public synchronized void close() {
		if (this.closed) {
			return;
		}
		this.closed = true;
		ServerAdmin admin = this.server.serverAdmin();
		dropQuietly("database " + this.name, () -> this.server.admin((jdbc) -> admin.dropDatabase(jdbc, this.name)));
		for (String role : this.roles) {
			dropQuietly("role " + role, () -> this.server.admin((jdbc) -> admin.dropRole(jdbc, role)));
		}
	}

	private void dropQuietly(String what, Runnable drop) {
		try {
			drop.run();
		}
		catch (RuntimeException ex) {
			System.err.println("[test-support] " + kind().id() + ": could not drop " + what + ": " + ex);
		}
	}

	@Override
	public String toString() {
		return kind().id() + " database " + this.name + " (" + source() + ")";
	}

}
