package io.schemagate.sample;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.schemagate.sample.ServiceClient.Response;
import io.schemagate.testsupport.DatabaseKind;
import io.schemagate.testsupport.TcpProxy;
import io.schemagate.testsupport.TestDatabase;
import io.schemagate.testsupport.TestDatabaseExtension;
import io.schemagate.verify.SchemaNotReadyException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;
import static org.awaitility.Awaitility.await;

/**
 * Readiness, liveness and the {@code schema} contributor of a running service with a web
 * server, on real PostgreSQL, while another process changes the database under it.
 */
@ExtendWith(OutputCaptureExtension.class)
class SchemaReadinessWebTests {

	private static final Duration POLL = Duration.ofMillis(500);

	@RegisterExtension
	final TestDatabaseExtension postgres = new TestDatabaseExtension(DatabaseKind.POSTGRESQL);

	@Test
	void startUnreadyServiceTurnsReadyWithinTwoPollIntervalsOfTheMigration() {
		try (RunningService service = RunningService.start(database(), List.of(), "db.verify.on-startup=start-unready",
				"db.verify.poll-interval=" + POLL.toMillis() + "ms")) {
			ServiceClient client = service.client();
			assertThat(client.readiness()).isEqualTo(503);
			assertThat(client.liveness()).isEqualTo(200);
			Response schema = client.get("/actuator/health/schema");
			assertThat(schema.<String>json("$.status")).isEqualTo("OUT_OF_SERVICE");
			assertThat(schema.<String>json("$.details.state")).isEqualTo("BEHIND");
			assertThat(schema.<Integer>json("$.details.pending")).isEqualTo(6);
			migrateAsAnotherProcessWould();
			await().atMost(POLL.multipliedBy(2).plusMillis(250))
				.pollInterval(Duration.ofMillis(25))
				.until(() -> client.readiness() == 200);
			assertThat(client.schema().state()).isEqualTo("READY");
		}
	}

	@Test
	void waitModeStartsOnceTheSchemaArrives(CapturedOutput output) {
		CompletableFuture<RunningService> starting = CompletableFuture.supplyAsync(() -> RunningService
			.start(database(), List.of(), "db.verify.on-startup=wait", "db.verify.poll-interval=200ms"));
		try {
			await().atMost(Duration.ofSeconds(30)).until(() -> output.toString().contains("Waiting for the database"));
			assertThat(starting).isNotDone();
			migrateAsAnotherProcessWould();
			RunningService service = starting.get(30, java.util.concurrent.TimeUnit.SECONDS);
			try (service) {
				assertThat(service.client().readiness()).isEqualTo(200);
				assertThat(output).contains("Database verification successful: schema version 5");
			}
		}
		catch (Exception ex) {
			starting.thenAccept(RunningService::close);
			throw new IllegalStateException(ex);
		}
	}

	@Test
	void waitModeFailsWithReportAfterTheTimeout() {
		long started = System.nanoTime();
		assertThatException()
			.isThrownBy(() -> RunningService.start(database(), List.of(), "db.verify.on-startup=wait",
					"db.verify.poll-interval=200ms", "db.verify.wait-timeout=1s"))
			.havingRootCause()
			.isInstanceOfSatisfying(SchemaNotReadyException.class,
					(failure) -> assertThat(failure.getDescription()).contains("Pending (6)"));
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
	}

	@Test
	void thousandReadinessProbesSendNoSql() {
		try (RunningService service = RunningService.start(database(), List.of(StatementCounting.class),
				"db.mode=migrate", "db.migrate.exit=false", "db.verify.refresh-interval=0")) {
			ServiceClient client = service.client();
			assertThat(client.readiness()).isEqualTo(200);
			int before = StatementCounting.statements.get();
			assertThat(before).as("statements counted at startup (the counter works)").isPositive();
			for (int i = 0; i < 1000; i++) {
				assertThat(client.readiness()).isEqualTo(200);
			}
			assertThat(StatementCounting.statements.get()).as("statements sent by 1,000 probes").isEqualTo(before);
		}
	}

	@Test
	void databaseThatGoesAwayShowsDownAndComesBackUp() {
		migrateAsAnotherProcessWould();
		try (TcpProxy proxy = new TcpProxy("127.0.0.1", 5432);
				RunningService service = RunningService.start(database(), List.of(),
						"spring.datasource.url="
								+ database().url().replaceFirst("//[^/]+/", "//127.0.0.1:" + proxy.port() + "/"),
						"db.verify.connect-timeout=1s", "db.verify.poll-interval=300ms",
						"db.verify.refresh-interval=300ms", "spring.datasource.hikari.connection-timeout=1000",
						"spring.datasource.hikari.validation-timeout=500")) {
			ServiceClient client = service.client();
			assertThat(client.schema().state()).isEqualTo("READY");
			long threads = serviceThreads();
			proxy.cut();
			await().atMost(Duration.ofSeconds(20)).until(() -> "UNREACHABLE".equals(client.schema().state()));
			Response schema = client.get("/actuator/health/schema");
			assertThat(schema.<String>json("$.status")).isEqualTo("DOWN");
			assertThat(schema.body()).doesNotContain("jdbc:").doesNotContain("password");
			assertThat(client.readiness()).isEqualTo(503);
			assertThat(client.liveness()).isEqualTo(200);
			proxy.restore();
			await().atMost(Duration.ofSeconds(20)).until(() -> "READY".equals(client.schema().state()));
			assertThat(client.readiness()).isEqualTo(200);
			HikariDataSource pool = service.context().getBean(HikariDataSource.class);
			await().atMost(Duration.ofSeconds(5)).until(() -> pool.getHikariPoolMXBean().getActiveConnections() == 0);
			assertThat(serviceThreads()).as("threads after the outage").isLessThanOrEqualTo(threads + 2);
		}
	}

	/**
	 * The service's live threads, less the test's plumbing: the proxy runs two per
	 * connection while Hikari fills its pool in the background, and the HTTP client's
	 * pool grows as it likes, so counting those would measure timing, not leaks.
	 */
	private static long serviceThreads() {
		return Thread.getAllStackTraces()
			.keySet()
			.stream()
			.map(Thread::getName)
			.filter((name) -> !name.startsWith("tcp-proxy-") && !name.startsWith("HttpClient-"))
			.count();
	}

	private void migrateAsAnotherProcessWould() {
		Flyway.configure().dataSource(database().dataSource()).locations("classpath:db/migration").load().migrate();
	}

	private TestDatabase database() {
		return this.postgres.get();
	}

	/**
	 * Counts every statement the application sends through its data source.
	 */
	@Configuration(proxyBeanMethods = false)
	static class StatementCounting {

		static final AtomicInteger statements = new AtomicInteger();

		@Bean
		static BeanPostProcessor countingDataSource() {
			return new BeanPostProcessor() {

				@Override
				public Object postProcessAfterInitialization(Object bean, String beanName) {
					if (bean instanceof DataSource dataSource
							&& !(bean instanceof net.ttddyy.dsproxy.support.ProxyDataSource)) {
						return ProxyDataSourceBuilder.create(dataSource)
							.afterQuery((execution, queries) -> statements.addAndGet(queries.size()))
							.build();
					}
					return bean;
				}

			};
		}

	}

}
