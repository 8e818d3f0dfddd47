package io.schemagate.internal.check.targets;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.schemagate.internal.check.SchemaMonitor;
import io.schemagate.internal.check.SchemaVerifier;
import io.schemagate.internal.migrate.MigrationJob;
import io.schemagate.internal.migrate.SchemaMigrator;
import io.schemagate.internal.migrate.StopSignal;
import io.schemagate.migrate.MigrationOutcome;
import io.schemagate.testsupport.DatabaseKind;
import io.schemagate.testsupport.TestDatabase;
import io.schemagate.testsupport.TestDatabaseExtension;
import io.schemagate.testsupport.ThreadWatch;
import io.schemagate.verify.SchemaNotReadyException;
import io.schemagate.verify.SchemaState;
import io.schemagate.verify.SchemaStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Two targets on two databases at once, PostgreSQL and MariaDB, as an application with a
 * {@code Flyway} bean per data source has them: every state in one target while the other
 * is ready, and a job that migrates both in order and goes on after one fails.
 */
class SeveralDatabasesIntegrationTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private static final String CREATE_BREAD = "CREATE TABLE bread (id INT PRIMARY KEY, name VARCHAR(50));\n";

	private static final String CREATE_CAKE = "CREATE TABLE cake (id INT PRIMARY KEY);\n";

	@RegisterExtension
	final TestDatabaseExtension postgres = new TestDatabaseExtension(DatabaseKind.POSTGRESQL);

	@RegisterExtension
	final TestDatabaseExtension mariadb = new TestDatabaseExtension(DatabaseKind.MARIADB);

	@TempDir
	Path folder;

	private final Map<String, Path> locations = new LinkedHashMap<>();

	@BeforeEach
	void writeMigrations() throws IOException {
		for (String target : List.of("postgres", "mariadb")) {
			Path location = Files.createDirectories(this.folder.resolve(target));
			Files.writeString(location.resolve("V1__create_bread.sql"), CREATE_BREAD);
			Files.writeString(location.resolve("V2__create_cake.sql"), CREATE_CAKE);
			this.locations.put(target, location);
		}
	}

	static Stream<Arguments> statesInOneTarget() {
		return Stream.of(SchemaState.values())
			.filter((state) -> state != SchemaState.READY)
			.flatMap((state) -> Stream.of(arguments(state, "postgres"), arguments(state, "mariadb")));
	}

	@ParameterizedTest(name = "{0} in {1}")
	@MethodSource("statesInOneTarget")
	void stateOfOneTargetIsTheApplicationsWhileTheOtherIsReady(SchemaState state, String target) throws Exception {
		String other = target.equals("postgres") ? "mariadb" : "postgres";
		migrate(other);
		Flyway flyway = putIn(state, target);
		Map<String, Supplier<SchemaVerifier>> verifiers = new LinkedHashMap<>();
		verifiers.put("postgres", () -> verifier(target.equals("postgres") ? flyway : flyway("postgres")));
		verifiers.put("mariadb", () -> verifier(target.equals("mariadb") ? flyway : flyway("mariadb")));
		try (SchemaMonitor monitor = SchemaMonitor.ofTargets(verifiers, TIMEOUT, Duration.ZERO, Duration.ZERO,
				(status) -> {
				})) {
			SchemaStatus status = monitor.check();
			assertThat(status.state()).as(status.summary()).isEqualTo(state);
			assertThat(status.ready()).isEqualTo(state.isReady(true));
			assertThat(status.targets()).extracting(SchemaStatus::target).containsExactly("postgres", "mariadb");
			assertThat(status.eachTarget()).filteredOn((each) -> other.equals(each.target()))
				.singleElement()
				.satisfies((each) -> assertThat(each.state()).isEqualTo(SchemaState.READY));
			if (!status.ready()) {
				String report = new SchemaNotReadyException(status).getDescription();
				assertThat(report).contains("not ready for 1 of 2 targets")
					.contains("Target '" + target + "': " + state)
					.doesNotContain("Target '" + other + "'");
			}
		}
	}

	@Test
	void connectThreadsOfARoundEndWithTheRound() {
		migrate("postgres");
		migrate("mariadb");
		Map<String, Supplier<SchemaVerifier>> verifiers = new LinkedHashMap<>();
		verifiers.put("postgres", () -> verifier(flyway("postgres")));
		verifiers.put("mariadb", () -> verifier(flyway("mariadb")));
		ThreadWatch threads = ThreadWatch.start("schemagate-connect");
		try (SchemaMonitor monitor = SchemaMonitor.ofTargets(verifiers, TIMEOUT, Duration.ZERO, Duration.ZERO,
				(status) -> {
				})) {
			assertThat(monitor.check().state()).isEqualTo(SchemaState.READY);
			assertThat(monitor.check().state()).isEqualTo(SchemaState.READY);
			// idle threads end as the round's pool shuts down: milliseconds here, 5 s for
			// a loaded machine; an idle thread kept for the next round would live 60 s
			await("no connect thread left after the rounds").atMost(Duration.ofSeconds(5))
				.until(threads::newThreads, List::isEmpty);
		}
	}

	@Test
	void jobMigratesEveryTargetInOrderAndGoesOnAfterOneFails() throws IOException {
		Files.writeString(this.locations.get("postgres").resolve("V3__broken.sql"),
				"INSERT INTO no_such_table VALUES (1);");
		Files.writeString(this.locations.get("mariadb").resolve("V3__seed.sql"),
				"INSERT INTO bread VALUES (1, 'rye');");
		List<Integer> exits = new ArrayList<>();
		List<MigrationOutcome> outcomes = new ArrayList<>();
		Map<String, Flyway> targets = new LinkedHashMap<>();
		targets.put("postgres", flyway("postgres"));
		targets.put("mariadb", flyway("mariadb"));
		new MigrationJob(new SchemaMigrator(), exits::add, outcomes::add, () -> {
		}, StopSignal::new, (code) -> {
			throw new AssertionError("halted");
		}).run(targets, true);
		assertThat(exits).containsExactly(2);
		assertThat(outcomes).extracting(MigrationOutcome::target).containsExactly("postgres", "mariadb");
		assertThat(outcomes).extracting((outcome) -> outcome.exitCode().code()).containsExactly(2, 0);
		assertThat(flyway("mariadb").info().applied()).hasSize(3);
	}

	private Flyway putIn(SchemaState state, String target) throws Exception {
		Path location = this.locations.get(target);
		switch (state) {
			case BEHIND -> {
				Flyway.configure().configuration(flyway(target).getConfiguration()).target("1").load().migrate();
			}
			case FAILED -> {
				migrate(target);
				Files.writeString(location.resolve("V3__failing.sql"), "SELECT 1;\n");
				database(target).execute("INSERT INTO flyway_schema_history (installed_rank, version, description, "
						+ "type, script, checksum, installed_by, execution_time, success) VALUES (3, '3', 'failing', "
						+ "'SQL', 'V3__failing.sql', 0, 'test', 0, false)");
			}
			case DRIFTED -> {
				migrate(target);
				Files.writeString(location.resolve("V2__create_cake.sql"), CREATE_CAKE + "-- changed\n");
			}
			case AHEAD -> {
				migrate(target);
				Flyway newer = newer(target, "V3__add_weight.sql", "ALTER TABLE bread ADD COLUMN weight INT;\n");
				assertThat(new SchemaMigrator().migrate(newer).isSuccess()).isTrue();
			}
			case INCOMPATIBLE -> {
				migrate(target);
				Flyway newer = newer(target, "V3__drop_name.sql",
						"-- schemagate:breaks-before 3\nALTER TABLE bread DROP COLUMN name;\n");
				assertThat(new SchemaMigrator().migrate(newer).isSuccess()).isTrue();
			}
			case UNREACHABLE -> {
				return Flyway.configure()
					.dataSource(unreachableUrl(target), "nobody", "none")
					.locations("filesystem:" + location)
					.load();
			}
			default -> throw new IllegalArgumentException(state.name());
		}
		return flyway(target);
	}

	/**
	 * A newer release of the target's application: its migrations and one more.
	 */
	private Flyway newer(String target, String script, String sql) throws IOException {
		Path newer = Files.createDirectories(this.folder.resolve(target + "-newer"));
		for (Path file : Files.list(this.locations.get(target)).toList()) {
			Files.copy(file, newer.resolve(file.getFileName()));
		}
		Files.writeString(newer.resolve(script), sql);
		return Flyway.configure().dataSource(database(target).dataSource()).locations("filesystem:" + newer).load();
	}

	private String unreachableUrl(String target) throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			String scheme = target.equals("postgres") ? "jdbc:postgresql" : "jdbc:mariadb";
			return scheme + "://127.0.0.1:" + socket.getLocalPort() + "/" + database(target).name();
		}
	}

	private void migrate(String target) {
		flyway(target).migrate();
	}

	private Flyway flyway(String target) {
		return Flyway.configure()
			.dataSource(database(target).dataSource())
			.locations("filesystem:" + this.locations.get(target))
			.load();
	}

	private TestDatabase database(String target) {
		return target.equals("postgres") ? this.postgres.get() : this.mariadb.get();
	}

	private static SchemaVerifier verifier(Flyway flyway) {
		return SchemaVerifier.of(flyway.getConfiguration(), Duration.ofSeconds(3));
	}

}
