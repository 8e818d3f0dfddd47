package io.schemagate.autoconfigure;

import java.util.UUID;
import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.schemagate.migrate.MigrateModeUnavailableException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link SchemagateMigrateModeAutoConfiguration}: {@code db.mode=migrate} never
 * starts a job that migrates nothing.
 */
class SchemagateMigrateModeAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, FlywayAutoConfiguration.class,
				SchemagateAutoConfiguration.class, SchemagateMigrateModeAutoConfiguration.class))
		.withPropertyValues("spring.datasource.url=jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
				"spring.datasource.username=sa", "db.mode=migrate", "db.migrate.exit=false");

	@Test
	void migrateModeThatMigratesStarts() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasNotFailed().hasSingleBean(MigrateModeGuard.class);
			assertThat(context.getBean(Flyway.class).info().applied()).hasSize(3);
		});
	}

	@Test
	void otherModesHaveNoGuard() {
		this.contextRunner.withPropertyValues("db.mode=verify", "spring.flyway.enabled=false")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(MigrateModeGuard.class));
	}

	@Test
	void failsWithoutFlywayOnTheClasspath() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(Flyway.class))
			.run((context) -> assertUnavailable(context, "Flyway is not on the classpath"));
	}

	@Test
	void failsWhenFlywayIsDisabled() {
		this.contextRunner.withPropertyValues("spring.flyway.enabled=false")
			.run((context) -> assertUnavailable(context, "'spring.flyway.enabled' is false"));
	}

	@Test
	void failsWithoutDataSource() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(FlywayAutoConfiguration.class, SchemagateAutoConfiguration.class,
					SchemagateMigrateModeAutoConfiguration.class))
			.withPropertyValues("db.mode=migrate")
			.run((context) -> assertUnavailable(context, "no DataSource is configured"));
	}

	@Test
	void failsWhenTheApplicationsOwnStrategyMigrates() {
		this.contextRunner.withUserConfiguration(UserStrategyConfiguration.class)
			.run((context) -> assertUnavailable(context, "own FlywayMigrationStrategy 'userStrategy'"));
	}

	@Test
	void migratesTheApplicationsOwnFlyway() {
		this.contextRunner.withUserConfiguration(UserFlywayConfiguration.class).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context.getBean(Flyway.class).info().applied()).hasSize(3);
		});
	}

	private static void assertUnavailable(AssertableApplicationContext context, String reason) {
		assertThat(context).hasFailed();
		assertThat(context.getStartupFailure()).isInstanceOf(MigrateModeUnavailableException.class)
			.satisfies((ex) -> assertThat(((MigrateModeUnavailableException) ex).getDescription()).contains(reason));
	}

	@Configuration(proxyBeanMethods = false)
	static class UserStrategyConfiguration {

		@Bean
		FlywayMigrationStrategy userStrategy() {
			return (flyway) -> {
			};
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserFlywayConfiguration {

		@Bean
		Flyway userFlyway(DataSource dataSource) {
			return Flyway.configure().dataSource(dataSource).load();
		}

	}

}
