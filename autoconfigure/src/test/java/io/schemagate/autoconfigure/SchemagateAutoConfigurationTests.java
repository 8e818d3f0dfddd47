package io.schemagate.autoconfigure;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.schemagate.internal.check.SchemaMonitor;
import io.schemagate.internal.check.SchemaVerifier;
import io.schemagate.verify.SchemaNotReadyException;
import io.schemagate.verify.SchemaState;
import io.schemagate.verify.StartupPolicy;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link SchemagateAutoConfiguration}.
 */
@ExtendWith(OutputCaptureExtension.class)
class SchemagateAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, FlywayAutoConfiguration.class,
				SchemagateAutoConfiguration.class))
		.withPropertyValues("spring.datasource.url=jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
				"spring.datasource.username=sa", "db.mode=verify");

	/** No 'db.mode', so that the mode is decided from where the application runs. */
	private final ApplicationContextRunner unsetModeRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, FlywayAutoConfiguration.class,
				SchemagateAutoConfiguration.class))
		.withPropertyValues("spring.datasource.username=sa");

	@Test
	void backsOffWithoutFlywayOnTheClasspath() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(Flyway.class))
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(SchemagateFlywayMigrationStrategy.class)
				.doesNotHaveBean(SchemagateProperties.class));
	}

	@Test
	void backsOffWithoutDataSource() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(FlywayAutoConfiguration.class, SchemagateAutoConfiguration.class))
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(SchemagateFlywayMigrationStrategy.class));
	}

	@Test
	void backsOffWhenFlywayIsDisabled() {
		this.contextRunner.withPropertyValues("spring.flyway.enabled=false")
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(SchemagateFlywayMigrationStrategy.class));
	}

	@Test
	void userMigrationStrategyWins(CapturedOutput output) {
		this.contextRunner.withUserConfiguration(UserStrategyConfiguration.class).run((context) -> {
			assertThat(context).hasNotFailed()
				.hasSingleBean(FlywayMigrationStrategy.class)
				.doesNotHaveBean(SchemagateFlywayMigrationStrategy.class);
			assertThat(output).contains("Schemagate stepped aside");
		});
	}

	@Test
	void verifyIsTheDefaultModeForADatabaseThatIsNotInMemory(@TempDir Path folder) {
		this.unsetModeRunner.withPropertyValues("spring.datasource.url=" + fileDatabase(folder)).run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOf(SchemaNotReadyException.class)
				.hasMessageContaining("BEHIND");
		});
	}

	@Test
	void inMemoryDatabaseMigratesAndServesWhenModeIsUnset(CapturedOutput output) {
		this.unsetModeRunner.withPropertyValues("spring.datasource.url=jdbc:h2:mem:" + UUID.randomUUID())
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBean(Flyway.class).info().applied()).hasSize(3);
				assertThat(output).contains("Database migration mode - migrating, then serving: the database is an "
						+ "in-memory embedded database, which no migration job could migrate");
				assertThat(modeName(context)).isEqualTo("migrate");
				assertThat(context.getBean(SchemaMonitor.class).lastStatus().state()).isEqualTo(SchemaState.READY);
			});
	}

	@Test
	void inMemoryDatabaseIsVerifiedWhenModeSaysSo() {
		this.unsetModeRunner
			.withPropertyValues("spring.datasource.url=jdbc:h2:mem:" + UUID.randomUUID(), "db.mode=verify")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.isInstanceOf(SchemaNotReadyException.class));
	}

	@Test
	void springTestContextMigratesAndServesWhenModeIsUnset(@TempDir Path folder, CapturedOutput output) {
		this.unsetModeRunner.withPropertyValues("spring.datasource.url=" + fileDatabase(folder))
			.withInitializer(SchemagateAutoConfigurationTests::asSpringTestContext)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBean(Flyway.class).info().applied()).hasSize(3);
				assertThat(output).contains("migrating, then serving: this is a Spring test context");
			});
	}

	@Test
	void springTestContextVerifiesWhenTheTestSetsVerify(@TempDir Path folder) {
		this.unsetModeRunner.withPropertyValues("spring.datasource.url=" + fileDatabase(folder), "db.mode=verify")
			.withInitializer(SchemagateAutoConfigurationTests::asSpringTestContext)
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.isInstanceOf(SchemaNotReadyException.class));
	}

	@Test
	void springTestContextThatSetsMigrateGoesOnInsteadOfExiting(@TempDir Path folder) {
		// exiting would end this JVM, and the build with it
		this.unsetModeRunner.withPropertyValues("spring.datasource.url=" + fileDatabase(folder), "db.mode=migrate")
			.withInitializer(SchemagateAutoConfigurationTests::asSpringTestContext)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBean(Flyway.class).info().applied()).hasSize(3);
			});
	}

	@Test
	void verifyFailsStartupWhenMigrationsArePending() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOf(SchemaNotReadyException.class)
				.hasMessageContaining("BEHIND");
			SchemaNotReadyException failure = (SchemaNotReadyException) rootCause(context.getStartupFailure());
			assertThat(failure.getStatus().pendingVersions()).containsExactly("1", "2", "R:bread names");
			assertThat(failure.getDescription()).contains("Pending (3): 1, 2, R:bread names");
			assertThat(failure.getAction()).contains("db.mode=migrate");
		});
	}

	@Test
	void verifyStartsWhenSchemaIsReady(CapturedOutput output) {
		this.contextRunner.withUserConfiguration(MigratedDatabaseConfiguration.class).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(output).contains("Database verification mode - checking database is ready")
				.contains("Database verification successful: schema version 2, 3 migration(s) applied")
				.doesNotContain("Running pending migrations");
		});
	}

	@Test
	void verifyReadsTheDatabaseFlywayIsConfiguredFor() {
		String flywayUrl = "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
		Flyway.configure().dataSource(flywayUrl, "sa", "").load().migrate();
		this.contextRunner.withPropertyValues("spring.flyway.url=" + flywayUrl, "spring.flyway.user=sa")
			.run((context) -> assertThat(context).hasNotFailed());
	}

	@Test
	void verifyNeverMigrates() {
		this.contextRunner.withPropertyValues("db.verify.on-startup=start-unready").run((context) -> {
			assertThat(context).hasNotFailed();
			Flyway flyway = context.getBean(Flyway.class);
			assertThat(flyway.info().applied()).isEmpty();
		});
	}

	@Test
	void startUnreadyStartsWhenMigrationsArePending(CapturedOutput output) {
		this.contextRunner.withPropertyValues("db.verify.on-startup=start-unready", "db.verify.poll-interval=1h")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(output).contains("starting unready").doesNotContain("Database verification successful");
				context.getBean(Flyway.class).migrate();
				context.getBean(SchemaMonitor.class).check();
				assertThat(output).contains("Database schema state changed from BEHIND to READY")
					.contains("Database verification successful: schema version 2, 3 migration(s) applied");
			});
	}

	@Test
	void migrateModeWithNothingPendingReportsTheVersion(CapturedOutput output) {
		this.contextRunner.withUserConfiguration(MigratedDatabaseConfiguration.class)
			.withPropertyValues("db.mode=migrate", "db.migrate.exit=false")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(output).contains("Migration successful: applied 0 migration(s), schema version 2 -> 2");
			});
	}

	@Test
	void waitFailsAfterWaitTimeout(CapturedOutput output) {
		this.contextRunner
			.withPropertyValues("db.verify.on-startup=wait", "db.verify.poll-interval=50ms",
					"db.verify.wait-timeout=300ms")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure()).rootCause().isInstanceOf(SchemaNotReadyException.class);
				assertThat(output).contains("Waiting for the database schema: BEHIND");
			});
	}

	@Test
	void aheadFailsWhenNewerSchemaIsNotAllowed() {
		this.contextRunner.withUserConfiguration(NewerDatabaseConfiguration.class)
			.withPropertyValues("db.verify.allow-newer-schema=false")
			.run((context) -> {
				assertThat(context).hasFailed();
				SchemaNotReadyException failure = (SchemaNotReadyException) rootCause(context.getStartupFailure());
				assertThat(failure.getStatus().state()).isEqualTo(SchemaState.AHEAD);
				assertThat(failure.getAction()).contains("db.verify.allow-newer-schema");
			});
	}

	@Test
	void aheadStartsByDefault() {
		this.contextRunner.withUserConfiguration(NewerDatabaseConfiguration.class)
			.run((context) -> assertThat(context).hasNotFailed());
	}

	@Test
	void migrateModeMigratesAndServesWhenNotExiting(CapturedOutput output) {
		this.contextRunner.withPropertyValues("db.mode=MiGrAtE", "db.migrate.exit=false").run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(modeName(context)).isEqualTo("migrate");
			assertThat(context.getBean(Flyway.class).info().applied()).hasSize(3);
			assertThat(output).contains("Running pending migrations")
				.contains("Migration successful: applied 3 migration(s)");
		});
	}

	@Test
	void migrateModeFailsStartupWhenMigrationFailsAndNotExiting() {
		this.contextRunner
			.withPropertyValues("db.mode=migrate", "db.migrate.exit=false",
					"spring.flyway.locations=classpath:db/broken")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("no_such_table");
			});
	}

	@Test
	void migrateModeThatServesGoesOnCheckingTheSchema() {
		this.contextRunner.withPropertyValues("db.mode=migrate", "db.migrate.exit=false")
			.run((context) -> assertThat(context.getBean(SchemaMonitor.class).lastStatus().state())
				.isEqualTo(SchemaState.READY));
	}

	@Test
	void verificationIsPreparedOnlyWhenUsed() {
		this.contextRunner.withUserConfiguration(UserStrategyConfiguration.class)
			.run((context) -> assertThat(context.getBeanFactory().getSingleton("schemaVerifier")).isNull());
	}

	@Test
	void badModeFailsStartup() {
		this.contextRunner.withPropertyValues("db.mode=sideways").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).hasStackTraceContaining("db.mode")
				.hasStackTraceContaining("sideways");
		});
	}

	@Test
	void propertiesBind() {
		this.contextRunner
			.withPropertyValues("db.verify.on-startup=START-UNREADY", "db.verify.connect-timeout=3s",
					"db.verify.poll-interval=500ms", "db.verify.wait-timeout=1m", "db.verify.refresh-interval=0",
					"db.verify.allow-newer-schema=false", "db.migrate.exit=false")
			.run((context) -> {
				SchemagateProperties properties = context.getBean(SchemagateProperties.class);
				assertThat(properties.getMode()).isEqualTo(SchemagateProperties.Mode.VERIFY);
				assertThat(modeName(context)).isEqualTo("verify");
				assertThat(properties.getVerify().getOnStartup()).isEqualTo(StartupPolicy.START_UNREADY);
				assertThat(properties.getVerify().getConnectTimeout()).isEqualTo(Duration.ofSeconds(3));
				assertThat(properties.getVerify().getPollInterval()).isEqualTo(Duration.ofMillis(500));
				assertThat(properties.getVerify().getWaitTimeout()).isEqualTo(Duration.ofMinutes(1));
				assertThat(properties.getVerify().getRefreshInterval()).isEqualTo(Duration.ZERO);
				assertThat(properties.getVerify().isAllowNewerSchema()).isFalse();
				assertThat(properties.getMigrate().isExit()).isFalse();
			});
	}

	@Test
	void defaultsMatchTheContract() {
		SchemagateProperties properties = new SchemagateProperties();
		// unset: verify, unless in memory or in a test (decided at startup)
		assertThat(properties.getMode()).isNull();
		assertThat(properties.getVerify().getOnStartup()).isEqualTo(StartupPolicy.FAIL);
		assertThat(properties.getVerify().getConnectTimeout()).isEqualTo(Duration.ofSeconds(10));
		assertThat(properties.getVerify().getPollInterval()).isEqualTo(Duration.ofSeconds(2));
		assertThat(properties.getVerify().getWaitTimeout()).isEqualTo(Duration.ofMinutes(5));
		assertThat(properties.getVerify().getRefreshInterval()).isEqualTo(Duration.ofSeconds(60));
		assertThat(properties.getVerify().isAllowNewerSchema()).isTrue();
		assertThat(properties.getMigrate().isExit()).isTrue();
	}

	@Test
	void userVerifierWins() {
		this.contextRunner.withUserConfiguration(MigratedDatabaseConfiguration.class, UserVerifierConfiguration.class)
			.run((context) -> assertThat(context).hasNotFailed().hasSingleBean(SchemaVerifier.class));
	}

	private static String modeName(AssertableApplicationContext context) {
		return context.getBean(ModeDecider.class)
			.modeName(context.getBean(Flyway.class).getConfiguration().getDataSource());
	}

	private static String fileDatabase(Path folder) {
		return "jdbc:h2:file:" + folder.resolve("db").toAbsolutePath();
	}

	/**
	 * What Spring's test framework does through the customizer it finds in
	 * spring.factories.
	 */
	private static void asSpringTestContext(ConfigurableApplicationContext context) {
		new SchemagateTestContextCustomizerFactory().createContextCustomizer(Object.class, List.of())
			.customizeContext(context, null);
	}

	private static Throwable rootCause(Throwable failure) {
		Throwable cause = failure;
		while (cause.getCause() != null) {
			cause = cause.getCause();
		}
		return cause;
	}

	@Configuration(proxyBeanMethods = false)
	static class UserStrategyConfiguration {

		@Bean
		FlywayMigrationStrategy userStrategy() {
			return (flyway) -> {
			};
		}

	}

	/**
	 * Migrates the database as soon as its data source is made, as a migration job would.
	 */
	@Configuration(proxyBeanMethods = false)
	static class MigratedDatabaseConfiguration {

		@Bean
		static BeanPostProcessor migrateFirst() {
			return migrating("classpath:db/migration");
		}

	}

	/**
	 * Migrates the database with a newer version's migrations first.
	 */
	@Configuration(proxyBeanMethods = false)
	static class NewerDatabaseConfiguration {

		@Bean
		static BeanPostProcessor migrateNewer() {
			return migrating("classpath:db/migration", "classpath:db/newer");
		}

	}

	private static BeanPostProcessor migrating(String... locations) {
		return new BeanPostProcessor() {

			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				if (bean instanceof DataSource dataSource) {
					Flyway.configure().dataSource(dataSource).locations(locations).load().migrate();
				}
				return bean;
			}

		};
	}

	@Configuration(proxyBeanMethods = false)
	static class UserVerifierConfiguration {

		@Bean
		SchemaVerifier userVerifier(Flyway flyway) {
			return SchemaVerifier.of(flyway.getConfiguration(), Duration.ofSeconds(1));
		}

	}

}
