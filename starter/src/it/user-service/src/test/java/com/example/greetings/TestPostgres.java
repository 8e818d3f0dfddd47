package com.example.greetings;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A fresh PostgreSQL database for one test class, on the server named by
 * SCHEMAGATE_TEST_POSTGRESQL_URL (else the local server): where a Testcontainers container
 * would come from on a machine with Docker. The databases are dropped when the tests end.
 */
final class TestPostgres {

	private static final List<String> created = new CopyOnWriteArrayList<>();

	static {
		Runtime.getRuntime().addShutdownHook(new Thread(() -> created.forEach(TestPostgres::drop)));
	}

	private static final String ADMIN_URL = System.getenv().getOrDefault("SCHEMAGATE_TEST_POSTGRESQL_URL",
			"jdbc:postgresql://127.0.0.1:5432/postgres");

	static final String USERNAME = System.getenv().getOrDefault("SCHEMAGATE_TEST_POSTGRESQL_USERNAME", "postgres");

	static final String PASSWORD = System.getenv().getOrDefault("SCHEMAGATE_TEST_POSTGRESQL_PASSWORD", "");

	private TestPostgres() {
	}

	/**
	 * Create a database and return its URL.
	 * @return the JDBC URL of a new, empty database
	 */
	static String createDatabase() {
		String name = "greetings_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
		try (Connection connection = DriverManager.getConnection(ADMIN_URL, USERNAME, PASSWORD);
				Statement statement = connection.createStatement()) {
			statement.execute("CREATE DATABASE " + name);
			created.add(name);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot create a test database on " + ADMIN_URL, ex);
		}
		return ADMIN_URL.substring(0, ADMIN_URL.lastIndexOf('/') + 1) + name;
	}

	private static void drop(String name) {
		try (Connection connection = DriverManager.getConnection(ADMIN_URL, USERNAME, PASSWORD);
				Statement statement = connection.createStatement()) {
			statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
		}
		catch (SQLException ex) {
			System.err.println("Could not drop test database " + name + ": " + ex.getMessage());
		}
	}

}
