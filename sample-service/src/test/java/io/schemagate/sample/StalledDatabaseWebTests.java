package io.schemagate.sample;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import io.schemagate.testsupport.DatabaseKind;
import io.schemagate.testsupport.TcpProxy;
import io.schemagate.testsupport.TestDatabase;
import io.schemagate.testsupport.TestDatabaseExtension;
import io.schemagate.verify.SchemaNotReadyException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A database that stops answering without closing anything (a network partition, a host
 * that vanished), unlike {@code TcpProxy.cut()}: no reset arrives, so only timeouts can
 * tell. The service must still report {@code UNREACHABLE}, and come back once the network
 * heals.
 */
@ExtendWith(OutputCaptureExtension.class)
class StalledDatabaseWebTests {

	private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(1);

	@RegisterExtension
	final TestDatabaseExtension postgres = new TestDatabaseExtension(DatabaseKind.POSTGRESQL);

	private TcpProxy proxy;

	@BeforeEach
	void startProxy() {
		this.proxy = database().proxy();
	}

	@AfterEach
	void closeProxy() {
		this.proxy.close();
	}

	@Test
	void databaseThatStopsAnsweringShowsUnreachableThenReadyOnceItAnswers() {
		migrate();
		// refreshed every second: longer than Hikari's 500 ms alive-bypass window, so the
		// pool validates the idle connection before the check uses it
		try (RunningService service = start("db.verify.refresh-interval=1s")) {
			ServiceClient client = service.client();
			assertThat(client.schema().state()).isEqualTo("READY");
			this.proxy.stall();
			// the next refresh (1 s), Hikari's validation (0.5 s) and the connect timeout
			// (1 s): 2.5 s at most here; 10 s for a loaded machine
			await("UNREACHABLE").atMost(Duration.ofSeconds(10))
				.until(() -> "UNREACHABLE".equals(client.schema().state()));
			assertThat(client.get("/actuator/health/schema").<String>json("$.status")).isEqualTo("DOWN");
			assertThat(client.readiness()).isEqualTo(503);
			assertThat(client.liveness()).isEqualTo(200);
			this.proxy.resume();
			// the next poll (300 ms) and a check: under 0.5 s here
			await("READY").atMost(Duration.ofSeconds(10)).until(() -> "READY".equals(client.schema().state()));
			assertThat(client.readiness()).isEqualTo(200);
		}
	}

	/**
	 * A check that borrows a connection used less than 500 ms before (inside Hikari's
	 * alive-bypass window, so the pool does not validate it) meets the stall in the
	 * history query itself. A query timeout alone would not end it: the driver's cancel
	 * request cannot get through either.
	 */
	@Test
	void databaseThatStopsAnsweringMidCheckShowsUnreachableWithinTheConnectTimeout() {
		migrate();
		try (RunningService service = start("db.verify.refresh-interval=300ms")) {
			ServiceClient client = service.client();
			assertThat(client.schema().state()).isEqualTo("READY");
			this.proxy.stall();
			// the next refresh (300 ms) and the connect timeout (1 s) as the network
			// timeout: 1.5 s here. 8 s allows for a loaded machine and still fails the 11
			// s
			// a query timeout alone takes (PostgreSQL's 10 s cancel wait)
			await("UNREACHABLE").atMost(Duration.ofSeconds(8))
				.until(() -> "UNREACHABLE".equals(client.schema().state()));
			assertThat(client.readiness()).isEqualTo(503);
		}
	}

	/**
	 * {@code wait} checks on the main thread, so a check that hung would hang startup
	 * past {@code db.verify.wait-timeout}, with no failure report.
	 */
	@Test
	void waitModeGivesUpAfterTheWaitTimeoutWhenTheDatabaseStopsAnswering(CapturedOutput output) {
		CompletableFuture<RunningService> starting = CompletableFuture.supplyAsync(
				() -> start("db.verify.on-startup=wait", "db.verify.poll-interval=200ms", "db.verify.wait-timeout=3s"));
		try {
			// a context start up to the first check: about 2 s here
			await().atMost(Duration.ofSeconds(30)).until(() -> output.toString().contains("Waiting for the database"));
			this.proxy.stall();
			// the rest of the 3 s wait timeout and one check stalled for the connect
			// timeout: 4 s at most here. A check that hung would never end; 10 s more
			// allows for a loaded machine
			await("startup failed").atMost(Duration.ofSeconds(3).plus(CONNECT_TIMEOUT).plusSeconds(10))
				.until(starting::isDone);
			assertThat(starting).failsWithin(Duration.ZERO)
				.withThrowableThat()
				.havingRootCause()
				.isInstanceOf(SchemaNotReadyException.class);
		}
		finally {
			this.proxy.resume();
			starting.thenAccept(RunningService::close);
		}
	}

	private RunningService start(String... properties) {
		String url = database().urlThrough(this.proxy);
		List<String> all = new ArrayList<>(List.of("spring.datasource.url=" + url,
				"db.verify.connect-timeout=" + CONNECT_TIMEOUT.toMillis() + "ms", "db.verify.poll-interval=300ms",
				"db.verify.unreachable-grace=0", "spring.datasource.hikari.connection-timeout=1000",
				"spring.datasource.hikari.validation-timeout=500"));
		all.addAll(List.of(properties));
		return RunningService.start(database(), List.of(), all.toArray(String[]::new));
	}

	private void migrate() {
		Flyway.configure().dataSource(database().dataSource()).locations("classpath:db/migration").load().migrate();
	}

	private TestDatabase database() {
		return this.postgres.get();
	}

}
