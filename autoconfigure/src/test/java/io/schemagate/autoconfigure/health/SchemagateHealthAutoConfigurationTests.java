package io.schemagate.autoconfigure.health;

import java.util.Map;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.availability.ApplicationAvailabilityAutoConfiguration;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.LivenessState;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.health.actuate.endpoint.HealthDescriptor;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.actuate.endpoint.IndicatedHealthDescriptor;
import org.springframework.boot.health.autoconfigure.actuate.endpoint.AvailabilityProbesAutoConfiguration;
import org.springframework.boot.health.autoconfigure.actuate.endpoint.HealthEndpointAutoConfiguration;
import org.springframework.boot.health.autoconfigure.application.AvailabilityHealthContributorAutoConfiguration;
import org.springframework.boot.health.autoconfigure.contributor.HealthContributorAutoConfiguration;
import org.springframework.boot.health.autoconfigure.registry.HealthContributorRegistryAutoConfiguration;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.schemagate.autoconfigure.SchemagateAutoConfiguration;
import io.schemagate.health.SchemaHealthIndicator;
import io.schemagate.internal.check.SchemaMonitor;
import io.schemagate.verify.SchemaState;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link SchemagateHealthAutoConfiguration}.
 */
class SchemagateHealthAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, FlywayAutoConfiguration.class,
				SchemagateAutoConfiguration.class, SchemagateHealthAutoConfiguration.class,
				HealthContributorAutoConfiguration.class, HealthContributorRegistryAutoConfiguration.class,
				HealthEndpointAutoConfiguration.class, ApplicationAvailabilityAutoConfiguration.class,
				AvailabilityHealthContributorAutoConfiguration.class, AvailabilityProbesAutoConfiguration.class))
		.withPropertyValues("spring.datasource.url=jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
				"spring.datasource.username=sa", "db.mode=verify", "management.endpoint.health.show-details=always",
				"db.verify.on-startup=start-unready", "db.verify.refresh-interval=0", "db.verify.poll-interval=1h");

	@Test
	void schemaIndicatorIsOutOfServiceWhileBehind() {
		this.contextRunner.run((context) -> {
			IndicatedHealthDescriptor schema = schema(endpoint(context));
			assertThat(schema.getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
			Map<String, Object> details = schema.getDetails();
			assertThat(details).containsEntry("mode", "verify")
				.containsEntry("state", "BEHIND")
				.containsEntry("expectedVersion", "2")
				.containsEntry("pending", 3)
				.containsEntry("migrationInProgress", false)
				.containsKeys("pendingVersions", "failedVersions", "driftedVersions", "aheadBy", "checkedAt")
				.doesNotContainKey("appliedVersion");
		});
	}

	@Test
	void schemaIndicatorIsUpWhenReady() {
		this.contextRunner.run((context) -> {
			context.getBean(Flyway.class).migrate();
			context.getBean(SchemaMonitor.class).check();
			IndicatedHealthDescriptor schema = schema(endpoint(context));
			assertThat(schema.getStatus()).isEqualTo(Status.UP);
			assertThat(schema.getDetails()).containsEntry("state", "READY").containsEntry("appliedVersion", "2");
		});
	}

	@Test
	void readinessIncludesSchemaWithoutConfiguration() {
		this.contextRunner.run((context) -> {
			HealthEndpoint endpoint = endpoint(context);
			assertThat(endpoint.healthForPath("readiness").getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
			assertThat(endpoint.healthForPath("liveness").getStatus()).isEqualTo(Status.UP);
			context.getBean(Flyway.class).migrate();
			assertThat(context.getBean(SchemaMonitor.class).check().state()).isEqualTo(SchemaState.READY);
			assertThat(endpoint.healthForPath("readiness").getStatus()).isEqualTo(Status.UP);
		});
	}

	@Test
	void readinessConfiguredByUserIsLeftAlone() {
		this.contextRunner.withPropertyValues("management.endpoint.health.group.readiness.include=readinessState")
			.run((context) -> assertThat(endpoint(context).healthForPath("readiness").getStatus())
				.isEqualTo(Status.UP));
	}

	@Test
	void probesDisabledStillStarts() {
		this.contextRunner.withPropertyValues("management.endpoint.health.probes.enabled=false").run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(endpoint(context).healthForPath("readiness")).isNull();
		});
	}

	@Test
	void indicatorCanBeDisabled() {
		this.contextRunner.withPropertyValues("management.health.schema.enabled=false").run((context) -> {
			assertThat(context).hasNotFailed().doesNotHaveBean(SchemaHealthIndicator.class);
			assertThat(endpoint(context).healthForPath("readiness").getStatus()).isEqualTo(Status.UP);
		});
	}

	@Test
	void backsOffWithoutActuatorHealth() {
		this.contextRunner
			.withClassLoader(new FilteredClassLoader("org.springframework.boot.health.contributor.HealthIndicator"))
			.run((context) -> assertThat(context).doesNotHaveBean(SchemaHealthIndicator.class));
	}

	@Test
	void userIndicatorWins() {
		this.contextRunner.withUserConfiguration(UserIndicatorConfiguration.class)
			.run((context) -> assertThat(schema(endpoint(context)).getStatus()).isEqualTo(Status.UP));
	}

	/**
	 * The health endpoint of a started application, whose availability states
	 * SpringApplication would have set.
	 */
	private static HealthEndpoint endpoint(ApplicationContext context) {
		AvailabilityChangeEvent.publish(context, LivenessState.CORRECT);
		AvailabilityChangeEvent.publish(context, ReadinessState.ACCEPTING_TRAFFIC);
		return context.getBean(HealthEndpoint.class);
	}

	private static IndicatedHealthDescriptor schema(HealthEndpoint endpoint) {
		HealthDescriptor descriptor = endpoint.healthForPath("schema");
		assertThat(descriptor).isInstanceOf(IndicatedHealthDescriptor.class);
		return (IndicatedHealthDescriptor) descriptor;
	}

	@Configuration(proxyBeanMethods = false)
	static class UserIndicatorConfiguration {

		@Bean
		org.springframework.boot.health.contributor.HealthIndicator schemaHealthIndicator() {
			return () -> org.springframework.boot.health.contributor.Health.up().build();
		}

	}

}
