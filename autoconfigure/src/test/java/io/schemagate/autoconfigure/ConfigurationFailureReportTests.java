package io.schemagate.autoconfigure;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThatException;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad configuration stops a real {@link SpringApplication} with a failure report that
 * names the property, the bad value and what is allowed.
 */
@ExtendWith(OutputCaptureExtension.class)
class ConfigurationFailureReportTests {

	@ParameterizedTest(name = "{0}={1}")
	@CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
			db.mode                     | sideways | VERIFY, MIGRATE
			db.verify.on-startup        | later    | FAIL, WAIT, START_UNREADY
			db.verify.poll-interval     | 0s       | 'pollInterval' must be positive
			db.verify.connect-timeout   | -1s      | 'connectTimeout' must be positive
			db.verify.wait-timeout      | 0        | 'waitTimeout' must be positive
			db.verify.refresh-interval  | -5s      | 'refreshInterval' must not be negative
			db.verify.poll-interval     | often    | java.time.Duration
			db.migrate.exit             | maybe    | java.lang.Boolean
			""")
	void badValueStopsStartupWithReport(String property, String value, String allowed, CapturedOutput output) {
		assertThatException().isThrownBy(() -> run("--" + property + "=" + value));
		assertThat(output).contains("APPLICATION FAILED TO START").contains(property).contains(value);
		for (String expected : allowed.split(", ")) {
			assertThat(output).contains(expected);
		}
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource({ "classpath:db/empty", "classpath:db/nowhere" })
	void locationWithoutMigrationsStopsVerifyWithReport(String location, CapturedOutput output) {
		assertThatException().isThrownBy(() -> run("--spring.flyway.locations=" + location));
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("No migrations were found in the Flyway locations [" + location + "]")
			.contains("spring.flyway.locations");
	}

	private static void run(String... arguments) {
		SpringApplication application = new SpringApplication(EmptyApplication.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		application.setDefaultProperties(
				Map.of("spring.datasource.url", "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
						"spring.datasource.username", "sa", "db.mode", "verify"));
		application.run(arguments).close();
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class EmptyApplication {

	}

}
