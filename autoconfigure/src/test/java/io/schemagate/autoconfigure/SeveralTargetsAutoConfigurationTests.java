package io.schemagate.autoconfigure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.flywaydb.core.Flyway;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.availability.ApplicationAvailabilityAutoConfiguration;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.LivenessState;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.actuate.endpoint.IndicatedHealthDescriptor;
import org.springframework.boot.health.autoconfigure.actuate.endpoint.AvailabilityProbesAutoConfiguration;
import org.springframework.boot.health.autoconfigure.actuate.endpoint.HealthEndpointAutoConfiguration;
import org.springframework.boot.health.autoconfigure.application.AvailabilityHealthContributorAutoConfiguration;
import org.springframework.boot.health.autoconfigure.contributor.HealthContributorAutoConfiguration;
import org.springframework.boot.health.autoconfigure.registry.HealthContributorRegistryAutoConfiguration;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import io.schemagate.SchemagateTargets;
import io.schemagate.autoconfigure.health.SchemagateHealthAutoConfiguration;
import io.schemagate.autoconfigure.metrics.SchemagateMetricsAutoConfiguration;
import io.schemagate.internal.check.SchemaMonitor;
import io.schemagate.metrics.SchemaMetrics;
import io.schemagate.testsupport.DatabaseKind;
import io.schemagate.testsupport.TestDatabase;
import io.schemagate.testsupport.TestDatabaseExtension;
import io.schemagate.verify.SchemaNotReadyException;
import io.schemagate.verify.SchemaState;
import io.schemagate.verify.SchemaStatus;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Several targets wired as applications have them: a {@code Flyway} bean per data source
 * (PostgreSQL and MariaDB at once), 50 tenant schemas on PostgreSQL from a
 * {@link SchemagateTargets} bean, and Spring Boot's own Flyway disabled beside one of the
 * application's.
 */
class SeveralTargetsAutoConfigurationTests {

	private static final int TENANTS = 50;

	@RegisterExtension
	final TestDatabaseExtension postgres = new TestDatabaseExtension(DatabaseKind.POSTGRESQL);

	@RegisterExtension
	final TestDatabaseExtension mariadb = new TestDatabaseExtension(DatabaseKind.MARIADB);

	@TempDir
	Path folder;

	private Path migrations;

	private @Nullable HikariDataSource tenantPool;

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, FlywayAutoConfiguration.class,
				SchemagateAutoConfiguration.class, SchemagateMigrateModeAutoConfiguration.class,
				SchemagateHealthAutoConfiguration.class, SchemagateMetricsAutoConfiguration.class,
				HealthContributorAutoConfiguration.class, HealthContributorRegistryAutoConfiguration.class,
				HealthEndpointAutoConfiguration.class, ApplicationAvailabilityAutoConfiguration.class,
				AvailabilityHealthContributorAutoConfiguration.class, AvailabilityProbesAutoConfiguration.class))
		.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
		.withPropertyValues("db.mode=verify", "management.endpoint.health.show-details=always",
				"db.verify.refresh-interval=0", "db.verify.poll-interval=1h");

	@BeforeEach
	void writeMigrations() throws IOException {
		this.migrations = Files.createDirectories(this.folder.resolve("migrations"));
		Files.writeString(this.migrations.resolve("V1__create_bread.sql"),
				"CREATE TABLE bread (id INT PRIMARY KEY, name VARCHAR(50));\n");
		Files.writeString(this.migrations.resolve("V2__create_cake.sql"), "CREATE TABLE cake (id INT PRIMARY KEY);\n");
	}

	@AfterEach
	void closeTenantPool() {
		if (this.tenantPool != null) {
			this.tenantPool.close();
		}
	}

	@Test
	void everyFlywayBeanIsATargetCheckedAtStartup() {
		flyway(this.postgres.get()).migrate();
		flyway(this.mariadb.get()).migrate();
		twoDatabases().run((context) -> {
			assertThat(context).hasNotFailed();
			SchemaStatus status = context.getBean(SchemaMonitor.class).lastStatus();
			assertThat(status.state()).isEqualTo(SchemaState.READY);
			assertThat(status.targets()).extracting(SchemaStatus::target)
				.containsExactly("postgresFlyway", "mariadbFlyway");
			Map<String, Object> details = schema(context).getDetails();
			assertThat(details).containsEntry("state", "READY")
				.containsEntry("targetStates", Map.of("READY", 2L))
				.containsKeys("targets", "checkedAt");
			assertThat(targets(details)).containsOnlyKeys("postgresFlyway", "mariadbFlyway");
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			assertThat(registry.get(SchemaMetrics.READY).tag("target", "mariadbFlyway").gauge().value()).isOne();
			assertThat(registry.get(SchemaMetrics.VERIFY)
				.tags("target", "postgresFlyway", "state", "ready")
				.timer()
				.count()).isOne();
			assertThat(registry.get(SchemaMetrics.READY).tags(List.of()).gauges())
				.anySatisfy((gauge) -> assertThat(gauge.getId().getTag("target")).isNull());
		});
	}

	@Test
	void startupFailureNamesTheTargetThatIsNotReady() {
		flyway(this.postgres.get()).migrate();
		twoDatabases().run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause().isInstanceOf(SchemaNotReadyException.class);
			SchemaNotReadyException failure = (SchemaNotReadyException) rootCause(context.getStartupFailure());
			assertThat(failure.getDescription()).contains("not ready for 1 of 2 targets: state 'BEHIND'")
				.contains("Target 'mariadbFlyway': BEHIND")
				.doesNotContain("Target 'postgresFlyway'");
			assertThat(failure.getAction()).contains("For target 'mariadbFlyway'").contains("db.mode=migrate");
		});
	}

	@Test
	void migrateModeMigratesEveryTarget() {
		twoDatabases().withPropertyValues("db.mode=migrate", "db.migrate.exit=false").run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(flyway(this.postgres.get()).info().applied()).hasSize(2);
			assertThat(flyway(this.mariadb.get()).info().applied()).hasSize(2);
			assertThat(context.getBean(MeterRegistry.class)
				.get(SchemaMetrics.MIGRATE)
				.tags("target", "mariadbFlyway", "outcome", "success")
				.timer()
				.count()).isOne();
		});
	}

	@Test
	void disabledBootFlywayIsNoTargetBesideTheApplicationsOwn() {
		flyway(this.mariadb.get()).migrate();
		this.contextRunner
			.withPropertyValues("spring.datasource.url=jdbc:h2:mem:" + UUID.randomUUID(), "spring.flyway.enabled=false")
			.withBean("mariadbFlyway", Flyway.class, () -> flyway(this.mariadb.get()))
			.run((context) -> {
				assertThat(context).hasNotFailed();
				SchemaStatus status = context.getBean(SchemaMonitor.class).lastStatus();
				// one target: it looks as an application with Spring Boot's Flyway does
				assertThat(status.targets()).isEmpty();
				assertThat(status.target()).isNull();
				assertThat(status.state()).isEqualTo(SchemaState.READY);
				assertThat(schema(context).getDetails()).doesNotContainKey("targets");
			});
	}

	@Test
	void tenantSchemasFromATargetsBeanAreMigratedThenChecked() {
		tenants().withPropertyValues("db.mode=migrate", "db.migrate.exit=false")
			.run((context) -> assertThat(context).hasNotFailed());
		tenants().run((context) -> {
			assertThat(context).hasNotFailed();
			SchemaStatus status = context.getBean(SchemaMonitor.class).lastStatus();
			assertThat(status.state()).isEqualTo(SchemaState.READY);
			assertThat(status.targets()).hasSize(TENANTS);
			assertThat(status.appliedCount()).isEqualTo(2 * TENANTS);
		});
	}

	@Test
	void tenantNotReadyIsNamedAndListedFirstInHealthAmongAtMostTwenty() {
		tenants().withPropertyValues("db.mode=migrate", "db.migrate.exit=false")
			.run((context) -> assertThat(context).hasNotFailed());
		this.postgres.get().execute("DELETE FROM tenant_37.flyway_schema_history WHERE version = '2'");
		tenants().run((context) -> {
			assertThat(context).hasFailed();
			assertThat(((SchemaNotReadyException) rootCause(context.getStartupFailure())).getDescription())
				.contains("not ready for 1 of 50 targets")
				.contains("Target 'tenant_37': BEHIND");
		});
		tenants().withPropertyValues("db.verify.on-startup=start-unready").run((context) -> {
			IndicatedHealthDescriptor schema = schema(context);
			assertThat(schema.getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
			assertThat(schema.getDetails()).containsEntry("state", "BEHIND")
				.containsEntry("pending", 1)
				.containsEntry("targetStates", Map.of("BEHIND", 1L, "READY", 49L));
			Map<String, Object> targets = targets(schema.getDetails());
			assertThat(targets).hasSize(20);
			assertThat(targets.keySet().iterator().next()).isEqualTo("tenant_37");
		});
	}

	private ApplicationContextRunner twoDatabases() {
		return this.contextRunner.withBean("postgresFlyway", Flyway.class, () -> flyway(this.postgres.get()))
			.withBean("mariadbFlyway", Flyway.class, () -> flyway(this.mariadb.get()));
	}

	private ApplicationContextRunner tenants() {
		TestDatabase database = this.postgres.get();
		database.execute(IntStream.rangeClosed(1, TENANTS)
			.mapToObj((i) -> "CREATE SCHEMA IF NOT EXISTS tenant_" + i)
			.toArray(String[]::new));
		// the tenants share a pool, as they do in an application
		if (this.tenantPool == null) {
			this.tenantPool = new HikariDataSource();
			this.tenantPool.setJdbcUrl(database.url());
			this.tenantPool.setUsername(database.username());
			this.tenantPool.setPassword(database.password());
		}
		HikariDataSource pool = this.tenantPool;
		// the tenants only: Spring Boot's own Flyway would find the embedded database
		return this.contextRunner.withPropertyValues("spring.flyway.enabled=false")
			.withBean(SchemagateTargets.class, () -> () -> {
				Map<String, Flyway> tenants = new LinkedHashMap<>();
				IntStream.rangeClosed(1, TENANTS)
					.forEach((i) -> tenants.put("tenant_" + i,
							Flyway.configure()
								.dataSource(pool)
								.schemas("tenant_" + i)
								.locations("filesystem:" + this.migrations)
								.load()));
				return tenants;
			});
	}

	private Flyway flyway(TestDatabase database) {
		return Flyway.configure().dataSource(database.dataSource()).locations("filesystem:" + this.migrations).load();
	}

	private static IndicatedHealthDescriptor schema(AssertableApplicationContext context) {
		AvailabilityChangeEvent.publish(context, LivenessState.CORRECT);
		AvailabilityChangeEvent.publish(context, ReadinessState.ACCEPTING_TRAFFIC);
		return (IndicatedHealthDescriptor) context.getBean(HealthEndpoint.class).healthForPath("schema");
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> targets(Map<String, Object> details) {
		return (Map<String, Object>) details.get("targets");
	}

	private static Throwable rootCause(Throwable failure) {
		Throwable root = failure;
		while (root.getCause() != null) {
			root = root.getCause();
		}
		return root;
	}

}
