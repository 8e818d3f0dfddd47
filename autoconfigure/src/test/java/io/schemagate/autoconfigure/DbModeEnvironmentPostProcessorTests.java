package io.schemagate.autoconfigure;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Configuration;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link DbModeEnvironmentPostProcessor}.
 */
@ExtendWith(OutputCaptureExtension.class)
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

	@Test
	void badModeStopsStartupWithReportNamingValueAndAllowedOnes(CapturedOutput output) {
		SpringApplication application = new SpringApplication(EmptyConfiguration.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		assertThatExceptionOfType(BindException.class).isThrownBy(() -> application.run("--db.mode=sideways"));
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("db.mode")
			.contains("sideways")
			.contains("VERIFY")
			.contains("MIGRATE");
	}

	@Configuration(proxyBeanMethods = false)
	static class EmptyConfiguration {

	}

}
