package io.schemagate.sample;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import io.schemagate.testsupport.DatabaseKind;
import io.schemagate.testsupport.TestDatabaseExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The migration job's exit code for failures before any migration, as a process: the same
 * code through Hikari as through a plain data source, and a startup that would migrate
 * nothing fails instead of exiting 0.
 */
class MigrateJobExitCodesIT {

	/** One JVM start and exit: 3 to 6 s here, 2 min for a loaded machine. */
	private static final Duration TIMEOUT = Duration.ofMinutes(2);

	private static final String PLAIN_DATA_SOURCE = "--spring.datasource.type="
			+ "org.springframework.jdbc.datasource.SimpleDriverDataSource";

	@RegisterExtension
	final TestDatabaseExtension postgres = new TestDatabaseExtension(DatabaseKind.POSTGRESQL);

	@TempDir
	Path workingDirectory;

	@Test
	void refusedLoginExitsTwoThroughHikariAndThroughAPlainDataSource() {
		// the local server trusts every password: a user it does not know is refused
		// with the same SQL state class, 28
		Map<String, String> environment = environment();
		environment.put("SPRING_DATASOURCE_USERNAME", "nobody_here");
		assertExit(2, environment, "role \"nobody_here\" does not exist");
		assertExit(2, environment, "role \"nobody_here\" does not exist", PLAIN_DATA_SOURCE);
	}

	@Test
	void unreachableDatabaseExitsOneThroughHikariAndThroughAPlainDataSource() throws IOException {
		Map<String, String> environment = environment();
		environment.put("SPRING_DATASOURCE_URL",
				"jdbc:postgresql://127.0.0.1:" + closedPort() + "/" + this.postgres.get().name());
		environment.put("SPRING_DATASOURCE_HIKARI_CONNECTION_TIMEOUT", "2000");
		assertExit(1, environment, "Connection refused");
		assertExit(1, environment, "Connection refused", PLAIN_DATA_SOURCE);
	}

	@Test
	void migrateModeThatWouldMigrateNothingFailsWithTwo() {
		Map<String, String> environment = environment();
		environment.put("SPRING_FLYWAY_ENABLED", "false");
		assertExit(2, environment, "would migrate nothing: 'spring.flyway.enabled' is false");
	}

	@Test
	void badSettingBeforeFlywayRunsExitsTwo() {
		Map<String, String> environment = environment();
		environment.put("DB_MIGRATE_LOCK_TIMEOUT", "soon");
		assertExit(2, environment, "db.migrate.lock-timeout");
	}

	private void assertExit(int code, Map<String, String> environment, String reason, String... arguments) {
		try (SampleProcess job = SampleProcess.start("job", SampleProcess.jar(), this.workingDirectory, environment,
				arguments)) {
			assertThat(job.awaitExit(TIMEOUT)).as(job.output()).isEqualTo(code);
			assertThat(job.output()).contains(reason);
		}
	}

	private Map<String, String> environment() {
		return SampleProcess.environment("migrate", this.postgres.get());
	}

	private static int closedPort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
