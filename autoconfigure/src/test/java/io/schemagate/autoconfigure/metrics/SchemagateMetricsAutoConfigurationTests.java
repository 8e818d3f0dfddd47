package io.schemagate.autoconfigure.metrics;

import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.schemagate.autoconfigure.SchemagateAutoConfiguration;
import io.schemagate.internal.check.SchemaMonitor;
import io.schemagate.metrics.SchemaMetrics;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link SchemagateMetricsAutoConfiguration}.
 */
class SchemagateMetricsAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, FlywayAutoConfiguration.class,
				SchemagateAutoConfiguration.class, SchemagateMetricsAutoConfiguration.class))
		.withPropertyValues("spring.datasource.url=jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
				"spring.datasource.username=sa", "db.mode=verify", "db.verify.poll-interval=1h",
				"db.verify.refresh-interval=0");

	@Test
	void backsOffWithoutMeterRegistry() {
		this.contextRunner.withPropertyValues("db.verify.on-startup=start-unready")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(SchemaMetrics.class));
	}

	@Test
	void startupCheckIsRecorded() {
		this.contextRunner.withUserConfiguration(RegistryConfiguration.class)
			.withPropertyValues("db.verify.on-startup=start-unready")
			.run((context) -> {
				MeterRegistry registry = context.getBean(MeterRegistry.class);
				assertThat(registry.get("db.schema.verify").tag("state", "behind").timer().count()).isEqualTo(1);
				assertThat(registry.get("db.schema.pending").gauge().value()).isEqualTo(3);
				assertThat(registry.get("db.schema.ready").gauge().value()).isZero();
			});
	}

	@Test
	void everyCheckIsRecordedWithItsState() {
		this.contextRunner.withUserConfiguration(RegistryConfiguration.class)
			.withPropertyValues("db.verify.on-startup=start-unready")
			.run((context) -> {
				context.getBean(Flyway.class).migrate();
				context.getBean(SchemaMonitor.class).check();
				MeterRegistry registry = context.getBean(MeterRegistry.class);
				assertThat(registry.get("db.schema.verify").tag("state", "ready").timer().count()).isEqualTo(1);
				assertThat(registry.get("db.schema.verify").tag("state", "behind").timer().count()).isEqualTo(1);
				assertThat(registry.get("db.schema.pending").gauge().value()).isZero();
				assertThat(registry.get("db.schema.ready").gauge().value()).isEqualTo(1);
			});
	}

	@Test
	void migrateRunsAreRecordedWithTheirOutcome() {
		this.contextRunner.withUserConfiguration(RegistryConfiguration.class)
			.withPropertyValues("db.mode=migrate", "db.migrate.exit=false")
			.run((context) -> {
				MeterRegistry registry = context.getBean(MeterRegistry.class);
				assertThat(registry.get("db.schema.migrate").tag("outcome", "success").timer().count()).isEqualTo(1);
				assertThat(registry.get("db.schema.ready").gauge().value()).isEqualTo(1);
			});
	}

	@Test
	void failedMigrateRunIsRecorded() {
		SimpleMeterRegistry registry = new SimpleMeterRegistry();
		this.contextRunner.withBean(MeterRegistry.class, () -> registry)
			.withPropertyValues("db.mode=migrate", "db.migrate.exit=false",
					"spring.flyway.locations=classpath:db/broken")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(registry.get("db.schema.migrate").tag("outcome", "failure").timer().count()).isEqualTo(1);
			});
	}

	@Configuration(proxyBeanMethods = false)
	static class RegistryConfiguration {

		@Bean
		SimpleMeterRegistry meterRegistry() {
			return new SimpleMeterRegistry();
		}

	}

}
