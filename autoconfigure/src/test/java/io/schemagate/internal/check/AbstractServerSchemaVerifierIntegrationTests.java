package io.schemagate.internal.check;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import io.schemagate.testsupport.DatabaseKind;
import io.schemagate.testsupport.TcpProxy;
import io.schemagate.testsupport.TestDatabaseExtension;
import io.schemagate.testsupport.ThreadWatch;
import io.schemagate.verify.SchemaState;
import io.schemagate.verify.SchemaStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;
import static org.awaitility.Awaitility.await;

/**
 * {@link AbstractSchemaVerifierIntegrationTests} on a database server, with a fresh
 * database for each test.
 */
abstract class AbstractServerSchemaVerifierIntegrationTests extends AbstractSchemaVerifierIntegrationTests {

	@RegisterExtension
	final TestDatabaseExtension database;

	private final String scheme;

	AbstractServerSchemaVerifierIntegrationTests(DatabaseKind kind) {
		this.database = new TestDatabaseExtension(kind);
		this.scheme = "jdbc:" + kind.id() + "://";
	}

	@Override
	protected DataSource dataSource() {
		return this.database.get().dataSource();
	}

	@Override
	protected String urlWithUnknownHost() {
		return this.scheme + "no-such-host.invalid:1/nobody?user=nobody&password=" + SECRET;
	}

	@Override
	protected String urlOfMissingDatabase() {
		String url = this.database.get().url();
		return url.substring(0, url.lastIndexOf('/') + 1) + "sg_no_such_database?user=" + this.database.get().username()
				+ "&password=" + SECRET;
	}

	@Override
	protected DataSource unreachableDataSource() {
		return dataSource(this.scheme + "127.0.0.1:1/nobody?user=nobody&password=" + SECRET);
	}

	/**
	 * Grant a role SELECT on the schema history, and nothing else.
	 * @param role the role
	 */
	protected abstract void grantSelectOnHistory(String role);

	@Test
	void verifyWorksForRoleThatCanOnlyReadTheHistory() {
		migrate();
		String role = this.database.get().createRole("runtime", "runtime-secret");
		grantSelectOnHistory(role);
		DataSource runtime = this.database.get().dataSource(role, "runtime-secret");
		SchemaStatus status = SchemaVerifier.of(configure().dataSource(runtime), Duration.ofSeconds(5)).check();
		assertThat(status.state()).isEqualTo(SchemaState.READY);
		assertThatException().isThrownBy(() -> new JdbcTemplate(runtime).execute("CREATE TABLE intruder (id INT)"));
		assertThatException().isThrownBy(() -> new JdbcTemplate(runtime).execute("DELETE FROM flyway_schema_history"));
	}

	@Test
	void monitorReportsUnreachableWhileDatabaseIsAwayAndReadyWhenBackWithoutLeaks() {
		migrate();
		ThreadWatch threads = ThreadWatch.start("schemagate-");
		try (TcpProxy proxy = this.database.get().proxy(); HikariDataSource pool = new HikariDataSource()) {
			pool.setJdbcUrl(this.database.get().urlThrough(proxy));
			pool.setUsername(this.database.get().username());
			pool.setPassword(this.database.get().password());
			pool.setConnectionTimeout(1000);
			pool.setValidationTimeout(500);
			SchemaMonitor monitor = new SchemaMonitor(
					SchemaVerifier.of(configure().dataSource(pool), Duration.ofSeconds(1)), Duration.ofMillis(200),
					Duration.ofMillis(200), Duration.ZERO, (status) -> {
					});
			try (monitor) {
				monitor.start();
				assertThat(monitor.lastStatus().state()).isEqualTo(SchemaState.READY);
				proxy.cut();
				// a 200 ms poll and a 1 s connect timeout: about 1.5 s here; 20 s allows
				// for a loaded machine many times over
				await().atMost(Duration.ofSeconds(20))
					.until(() -> monitor.lastStatus().state() == SchemaState.UNREACHABLE);
				proxy.restore();
				await().atMost(Duration.ofSeconds(20)).until(() -> monitor.lastStatus().state() == SchemaState.READY);
				// nothing left behind by the outage: no connection in use, no connect
				// thread waiting (both settle within milliseconds; 5 s for a loaded
				// machine)
				await().atMost(Duration.ofSeconds(5))
					.until(() -> pool.getHikariPoolMXBean().getActiveConnections() == 0);
				await().atMost(Duration.ofSeconds(5))
					.until(() -> threads.newThreads(), (names) -> names.equals(List.of("schemagate-monitor")));
				assertThat(pool.getHikariPoolMXBean().getTotalConnections())
					.isLessThanOrEqualTo(pool.getMaximumPoolSize());
			}
			await().atMost(Duration.ofSeconds(5)).until(() -> threads.newThreads().isEmpty());
		}
	}

	@Test
	void monitorKeepsTheStateFoundReadyThroughAnOutageWithinTheGrace() {
		migrate();
		try (TcpProxy proxy = this.database.get().proxy(); HikariDataSource pool = new HikariDataSource()) {
			pool.setJdbcUrl(this.database.get().urlThrough(proxy));
			pool.setUsername(this.database.get().username());
			pool.setPassword(this.database.get().password());
			pool.setConnectionTimeout(1000);
			List<SchemaStatus> published = new java.util.concurrent.CopyOnWriteArrayList<>();
			try (SchemaMonitor monitor = new SchemaMonitor(
					SchemaVerifier.of(configure().dataSource(pool), Duration.ofSeconds(1)), Duration.ofMillis(200),
					Duration.ofMillis(200), Duration.ofMinutes(1), published::add)) {
				monitor.start();
				proxy.cut();
				// checks that fail within the grace keep READY and say since when
				SchemaStatus kept = await().atMost(Duration.ofSeconds(20))
					.until(monitor::lastStatus, (status) -> status.unreachableSince() != null);
				assertThat(kept.state()).isEqualTo(SchemaState.READY);
				assertThat(kept.ready()).isTrue();
				assertThat(kept.error()).isNotBlank();
				proxy.restore();
				await().atMost(Duration.ofSeconds(20))
					.until(monitor::lastStatus, (status) -> status.unreachableSince() == null);
				assertThat(monitor.lastStatus().state()).isEqualTo(SchemaState.READY);
				assertThat(published).allSatisfy((status) -> assertThat(status.ready()).isTrue());
			}
		}
	}

	@Test
	void checkOnConnectionWhoseServerStopsAnsweringIsUnreachableWithinTheConnectTimeout() {
		migrate();
		Duration connectTimeout = Duration.ofSeconds(1);
		try (TcpProxy proxy = this.database.get().proxy()) {
			// one connection, kept open: the check meets the stall in its query, not
			// while connecting
			SingleConnectionDataSource connection = new SingleConnectionDataSource(
					this.database.get().urlThrough(proxy), this.database.get().username(),
					this.database.get().password(), true);
			try {
				SchemaVerifier verifier = SchemaVerifier.of(configure().dataSource(connection), connectTimeout);
				assertThat(verifier.check().state()).isEqualTo(SchemaState.READY);
				proxy.stall();
				CompletableFuture<SchemaStatus> check = CompletableFuture.supplyAsync(verifier::check);
				// the check ends when the network timeout (the connect timeout) fires:
				// 1.0 s here. 4 s more allows for a loaded machine and still fails the
				// 11 s a query timeout alone takes (PostgreSQL's 10 s cancel wait)
				assertThat(check).succeedsWithin(connectTimeout.plusSeconds(4))
					.satisfies((status) -> assertThat(status.state()).isEqualTo(SchemaState.UNREACHABLE));
			}
			finally {
				proxy.resume();
				connection.destroy();
			}
		}
	}

}
