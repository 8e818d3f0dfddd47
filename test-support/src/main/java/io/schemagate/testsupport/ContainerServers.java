package io.schemagate.testsupport;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.JdbcDatabaseContainer;
import org.testcontainers.mariadb.MariaDBContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * Starts one shared Testcontainers container per kind, when a Docker environment is
 * available. Callers ({@link ServerRegistry}) make sure this happens at most once per
 * kind per JVM.
 *
 * @author Schemagate
 */
final class ContainerServers {

	static final String POSTGRESQL_IMAGE = "postgres:15-alpine";

	static final String MARIADB_IMAGE = "mariadb:10.11";

	private ContainerServers() {
	}

	static DatabaseServer locate(DatabaseKind kind) {
		if (!isDockerAvailable()) {
			throw new IllegalStateException("no Docker environment available");
		}
		String image = (kind == DatabaseKind.POSTGRESQL) ? POSTGRESQL_IMAGE : MARIADB_IMAGE;
		JdbcDatabaseContainer<?> container = (kind == DatabaseKind.POSTGRESQL) ? new PostgreSQLContainer(image)
				: new MariaDBContainer(image).withUsername("root");
		try {
			container.start();
		}
		catch (RuntimeException ex) {
			container.stop();
			throw new IllegalStateException(image + " did not start: " + ex.getMessage(), ex);
		}
		Runtime.getRuntime().addShutdownHook(new Thread(container::stop, "schemagate-" + kind.id() + "-container"));
		// PostgreSQL's POSTGRES_USER is a superuser; for MariaDB we log in as root.
		String url = JdbcUrls.withoutCredentials(container.getJdbcUrl());
		return new DatabaseServer(kind, url, container.getUsername(), container.getPassword(),
				"testcontainers " + image + " at " + container.getHost() + ":" + container.getFirstMappedPort());
	}

	/**
	 * Ask Testcontainers whether Docker can be used. Any failure, including linkage
	 * errors, means "not available".
	 * @return whether a Docker environment is available
	 */
	static boolean isDockerAvailable() {
		try {
			return DockerClientFactory.instance().isDockerAvailable();
		}
		catch (Throwable ex) {
			return false;
		}
	}

}
