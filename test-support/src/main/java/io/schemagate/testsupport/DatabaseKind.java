package io.schemagate.testsupport;

import java.sql.Driver;
import java.util.Locale;

import javax.sql.DataSource;

import org.springframework.beans.BeanUtils;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.util.ClassUtils;

/**
 * The kinds of database server that {@link TestDatabases} can provide.
 *
 * @author Schemagate
 */
public enum DatabaseKind {

	/**
	 * PostgreSQL: explicit URL, local server, Testcontainers ({@code postgres:15-alpine})
	 * or embedded PostgreSQL.
	 */
	POSTGRESQL("PostgreSQL", "org.postgresql.Driver", "postgres", 5432, "jdbc:postgresql://%s:%d/postgres"),

	/**
	 * MariaDB: explicit URL, local server or Testcontainers ({@code mariadb:10.11});
	 * there is no embedded fallback.
	 */
	MARIADB("MariaDB", "org.mariadb.jdbc.Driver", "root", 3306, "jdbc:mariadb://%s:%d/");

	private final String displayName;

	private final String driverClassName;

	private final String defaultUsername;

	private final int defaultPort;

	private final String adminUrlFormat;

	DatabaseKind(String displayName, String driverClassName, String defaultUsername, int defaultPort,
			String adminUrlFormat) {
		this.displayName = displayName;
		this.driverClassName = driverClassName;
		this.defaultUsername = defaultUsername;
		this.defaultPort = defaultPort;
		this.adminUrlFormat = adminUrlFormat;
	}

	/**
	 * Return the product's name for messages, e.g. {@code MariaDB}.
	 * @return the display name
	 */
	public String displayName() {
		return this.displayName;
	}

	/**
	 * Return the class name of the JDBC driver for this kind.
	 * @return the JDBC driver class name
	 */
	public String driverClassName() {
		return this.driverClassName;
	}

	/**
	 * Return the lower-case identifier used in property names and messages, e.g.
	 * {@code postgresql}.
	 * @return the identifier
	 */
	public String id() {
		return name().toLowerCase(Locale.ROOT);
	}

	String defaultUsername() {
		return this.defaultUsername;
	}

	int defaultPort() {
		return this.defaultPort;
	}

	String adminUrl(String host, int port) {
		return String.format(this.adminUrlFormat, host, port);
	}

	DataSource dataSource(String url, String username, String password) {
		Class<?> driverClass = ClassUtils.resolveClassName(this.driverClassName, DatabaseKind.class.getClassLoader());
		Driver driver = (Driver) BeanUtils.instantiateClass(driverClass);
		return new SimpleDriverDataSource(driver, url, username, password);
	}

}
