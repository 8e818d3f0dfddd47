package io.schemagate.autoconfigure;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link DbModeEnvironmentPostProcessor}.
 */
class DbModeEnvironmentPostProcessorTests {

	private final DbModeEnvironmentPostProcessor postProcessor = new DbModeEnvironmentPostProcessor();

	private final MockEnvironment environment = new MockEnvironment();

	@Test
	void migrateModeStartsNoWebServer() {
		this.environment.setProperty("db.mode", "migrate");
		this.postProcessor.postProcessEnvironment(this.environment, new SpringApplication());
		assertThat(this.environment.getProperty("spring.main.web-application-type")).isEqualTo("none");
	}

	@Test
	void migrateModeThatServesKeepsTheWebServer() {
		this.environment.setProperty("db.mode", "migrate");
		this.environment.setProperty("db.migrate.exit", "false");
		this.postProcessor.postProcessEnvironment(this.environment, new SpringApplication());
		assertThat(this.environment.getProperty("spring.main.web-application-type")).isNull();
	}

	@Test
	void verifyModeKeepsTheWebServer() {
		this.postProcessor.postProcessEnvironment(this.environment, new SpringApplication());
		assertThat(this.environment.getProperty("spring.main.web-application-type")).isNull();
	}

	@Test
	void badModeIsRejected() {
		this.environment.setProperty("db.mode", "sideways");
		assertThatExceptionOfType(BindException.class)
			.isThrownBy(() -> this.postProcessor.postProcessEnvironment(this.environment, new SpringApplication()))
			.withMessageContaining("db.mode");
	}

}
