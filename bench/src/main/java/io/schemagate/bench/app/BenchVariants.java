package io.schemagate.bench.app;

import java.lang.management.ManagementFactory;
import java.util.Map;

import javax.sql.DataSource;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.flywaydb.core.Flyway;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the harness switches on by property; every other variant is Boot's or Schemagate's
 * own configuration:
 * <ul>
 * <li>{@code bench.touch-database=true}: with {@code spring.flyway.enabled=false}, the
 * floor with a connection: the pool opens and one query runs while the context starts.
 * <li>{@code bench.strategy=validate}: a {@link FlywayMigrationStrategy} that only calls
 * Flyway's {@code validate()} (Schemagate steps aside for it).
 * <li>{@code bench.strategy=connect}: a {@link FlywayMigrationStrategy} that opens the
 * pool and runs one query: what Boot's {@code Flyway} bean costs before any schema check.
 * <li>{@code bench.count-statements=true}: every statement sent through the
 * {@link DataSource} is counted, and {@code /bench/statements} tells the count; readiness
 * probes are timed inside the service, and {@code /bench/probe-times} tells the times.
 * <li>{@code bench.exit-when-ready=true}: exit once ready.
 * </ul>
 * In every variant the application prints {@code BENCH READY} with the JVM's uptime, the
 * statement count and the CPU time it used (ms) once it is ready.
 */
@Configuration(proxyBeanMethods = false)
public class BenchVariants {

	/** The line the harness waits for. */
	public static final String READY_LINE = "BENCH READY";

	private static final Log logger = LogFactory.getLog(BenchVariants.class);

	private static final StatementCounter statementCounter = new StatementCounter();

	@Bean
	@ConditionalOnProperty(name = "bench.touch-database", havingValue = "true")
	InitializingBean benchDatabaseTouch(DataSource dataSource) {
		return () -> selectOne(dataSource, "opened the pool and ran one query");
	}

	@Bean
	@ConditionalOnProperty(name = "bench.strategy", havingValue = "validate")
	FlywayMigrationStrategy benchValidateStrategy() {
		return Flyway::validate;
	}

	@Bean
	@ConditionalOnProperty(name = "bench.strategy", havingValue = "connect")
	FlywayMigrationStrategy benchConnectStrategy() {
		return (flyway) -> selectOne(flyway.getConfiguration().getDataSource(),
				"Flyway's engine built; opened the pool and ran one query");
	}

	private static void selectOne(DataSource dataSource, String what) {
		Integer one = new JdbcTemplate(dataSource).queryForObject("SELECT 1", Integer.class);
		logger.info("Bench: " + what + " (" + one + ")");
	}

	@Bean
	@ConditionalOnProperty(name = "bench.count-statements", havingValue = "true")
	static BeanPostProcessor benchStatementCounter() {
		return new BeanPostProcessor() {

			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				return (bean instanceof DataSource dataSource) ? statementCounter.wrap(dataSource) : bean;
			}

		};
	}

	@Bean
	ApplicationListener<ApplicationReadyEvent> benchReady(Environment environment) {
		return (event) -> {
			long cpu = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
				.getProcessCpuTime();
			System.out.println(READY_LINE + " uptime=" + ManagementFactory.getRuntimeMXBean().getUptime()
					+ " statements=" + statementCounter.count() + " cpu=" + cpu / 1_000_000);
			System.out.flush();
			if (environment.getProperty("bench.exit-when-ready", Boolean.class, false)) {
				System.exit(SpringApplication.exit(event.getApplicationContext()));
			}
		};
	}

	@Bean
	@ConditionalOnProperty(name = "bench.count-statements", havingValue = "true")
	ProbeTimer benchProbeTimer() {
		return new ProbeTimer();
	}

	@RestController
	@ConditionalOnProperty(name = "bench.count-statements", havingValue = "true")
	static class StatementsController {

		private final ProbeTimer probeTimer;

		StatementsController(ProbeTimer probeTimer) {
			this.probeTimer = probeTimer;
		}

		@GetMapping("/bench/statements")
		Map<String, Long> statements() {
			return Map.of("statements", statementCounter.count());
		}

		@GetMapping("/bench/probe-times")
		Map<String, Object> probeTimes() {
			return this.probeTimer.takeSummary();
		}

	}

}
