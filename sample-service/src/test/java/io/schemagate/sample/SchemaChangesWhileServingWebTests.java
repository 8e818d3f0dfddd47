package io.schemagate.sample;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import io.schemagate.sample.ServiceClient.Response;
import io.schemagate.testsupport.DatabaseKind;
import io.schemagate.testsupport.TestDatabase;
import io.schemagate.testsupport.TestDatabaseExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A service that is already serving on real PostgreSQL sees the schema change under it: a
 * newer version's migration makes it {@code AHEAD} (ready, or not when newer schemas are
 * refused), and its meters follow every check.
 */
class SchemaChangesWhileServingWebTests {

	private static final Duration INTERVAL = Duration.ofMillis(300);

	/**
	 * A check runs at most one interval after the change; then the check itself and an
	 * HTTP round trip: 20 to 50 ms here, under 1 s with both cores busy. 3 s is three
	 * times the worst.
	 */
	private static final Duration NEXT_CHECK = INTERVAL.plusSeconds(3);

	@RegisterExtension
	final TestDatabaseExtension postgres = new TestDatabaseExtension(DatabaseKind.POSTGRESQL);

	@TempDir
	Path newer;

	@Test
	void newerMigrationAppliedWhileServingShowsAheadAndStaysReady() throws IOException {
		migrate("classpath:db/migration");
		try (RunningService service = RunningService.start(database(), List.of(),
				"db.verify.refresh-interval=" + INTERVAL.toMillis() + "ms")) {
			ServiceClient client = service.client();
			assertThat(client.schema().state()).isEqualTo("READY");
			migrateNewerVersion();
			Response schema = await("schema AHEAD").atMost(NEXT_CHECK)
				.pollInterval(Duration.ofMillis(25))
				.until(() -> client.get("/actuator/health/schema"), (r) -> "AHEAD".equals(r.json("$.details.state")));
			assertThat(schema.status()).isEqualTo(200);
			assertThat(schema.<String>json("$.status")).isEqualTo("UP");
			assertThat(schema.<Integer>json("$.details.aheadBy")).isEqualTo(1);
			assertThat(schema.<String>json("$.details.appliedVersion")).isEqualTo("6");
			assertThat(schema.<String>json("$.details.expectedVersion")).isEqualTo("5");
			assertThat(client.readiness()).isEqualTo(200);
			assertThat(metric(client, "db.schema.ready")).isEqualTo(1.0);
		}
	}

	@Test
	void newerMigrationWhileServingTurnsReadinessDownWhenNewerSchemaIsRefused() throws IOException {
		migrate("classpath:db/migration");
		try (RunningService service = RunningService.start(database(), List.of(), "db.verify.allow-newer-schema=false",
				"db.verify.refresh-interval=" + INTERVAL.toMillis() + "ms")) {
			ServiceClient client = service.client();
			assertThat(client.readiness()).isEqualTo(200);
			migrateNewerVersion();
			await("readiness 503").atMost(NEXT_CHECK)
				.pollInterval(Duration.ofMillis(25))
				.until(() -> client.readiness() == 503);
			Response schema = client.get("/actuator/health/schema");
			assertThat(schema.<String>json("$.status")).isEqualTo("DOWN");
			assertThat(schema.<String>json("$.details.state")).isEqualTo("AHEAD");
			assertThat(client.liveness()).isEqualTo(200);
			assertThat(metric(client, "db.schema.ready")).isEqualTo(0.0);
		}
	}

	@Test
	void metersFollowTheChecksFromBehindToReady() {
		try (RunningService service = RunningService.start(database(), List.of(), "db.verify.on-startup=start-unready",
				"db.verify.poll-interval=" + INTERVAL.toMillis() + "ms")) {
			ServiceClient client = service.client();
			assertThat(metric(client, "db.schema.pending")).isEqualTo(6.0);
			assertThat(metric(client, "db.schema.ready")).isEqualTo(0.0);
			assertThat(metric(client, "db.schema.verify?tag=state:behind")).isGreaterThanOrEqualTo(1.0);
			migrate("classpath:db/migration");
			await("db.schema.ready 1").atMost(NEXT_CHECK)
				.pollInterval(Duration.ofMillis(25))
				.until(() -> metric(client, "db.schema.ready") == 1.0);
			assertThat(metric(client, "db.schema.pending")).isEqualTo(0.0);
			assertThat(metric(client, "db.schema.verify?tag=state:ready")).isGreaterThanOrEqualTo(1.0);
			assertThat(client.get("/actuator/metrics/db.schema.verify")
				.<List<String>>json("$.availableTags[?(@.tag == 'state')].values[*]")).contains("behind", "ready");
			assertThat(client.readiness()).isEqualTo(200);
		}
	}

	/**
	 * Migrate with this version's migrations and a newer version's {@code V6}, as the
	 * newer version's migration job would.
	 */
	private void migrateNewerVersion() throws IOException {
		Files.writeString(this.newer.resolve("V6__newer.sql"), "CREATE TABLE newer_feature (id INT);\n");
		migrate("classpath:db/migration", "filesystem:" + this.newer.toAbsolutePath());
	}

	private void migrate(String... locations) {
		Flyway.configure().dataSource(database().dataSource()).locations(locations).load().migrate();
	}

	/** The first measurement of a meter: a gauge's value, a timer's count. */
	private static double metric(ServiceClient client, String nameAndTags) {
		Response response = client.get("/actuator/metrics/" + nameAndTags);
		assertThat(response.status()).as(nameAndTags).isEqualTo(200);
		return response.<Number>json("$.measurements[0].value").doubleValue();
	}

	private TestDatabase database() {
		return this.postgres.get();
	}

}
