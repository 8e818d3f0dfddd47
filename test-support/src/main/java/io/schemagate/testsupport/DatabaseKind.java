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
	 * PostgreSQL: explicit URL, Testcontainers ({@code postgres:15-alpine}) or embedded
	 * PostgreSQL.
	 */
	POSTGRESQL("org.postgresql.Driver", "postgres"),

	/**
	 * MariaDB: explicit URL or Testcontainers ({@code mariadb:10.11}); there is no
	 * embedded fallback.
	 */
	MARIADB("org.mariadb.jdbc.Driver", "root");

	private final String driverClassName;

	private final String defaultUsername;

	DatabaseKind(String driverClassName, String defaultUsername) {
		this.driverClassName = driverClassName;
		this.defaultUsername = defaultUsername;
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

	DataSource dataSource(String url, String username, String password) {
		Class<?> driverClass = ClassUtils.resolveClassName(this.driverClassName, DatabaseKind.class.getClassLoader());
		Driver driver = (Driver) BeanUtils.instantiateClass(driverClass);
		return new SimpleDriverDataSource(driver, url, username, password);
	}

}
