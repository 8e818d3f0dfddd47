package io.schemagate.compatibility;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Properties;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringBootVersion;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Prints the Java, Spring Boot and Flyway versions the tests run on, and checks them
 * against what the build asked for: {@code .ci/run}'s compatibility runs pass
 * {@code -Dschemagate.expect.spring-boot=4.1} or {@code -Dschemagate.expect.java=25}, so
 * a run that silently used other versions fails instead of passing for the wrong reason.
 */
class RuntimeVersionsTests {

	/** The Flyway major version each supported Spring Boot line manages. */
	private static final Map<String, String> FLYWAY_BY_BOOT = Map.of("4.0", "11", "4.1", "12");

	@Test
	void runsOnTheVersionsTheBuildAskedFor() {
		String java = Runtime.version().toString();
		String boot = SpringBootVersion.getVersion();
		String flyway = flywayVersion();
		System.out.println("[compatibility] Java " + java + ", Spring Boot " + boot + ", Flyway " + flyway);
		String bootLine = boot.substring(0, boot.indexOf('.', boot.indexOf('.') + 1));
		assertThat(FLYWAY_BY_BOOT).as("supported Spring Boot lines").containsKey(bootLine);
		assertThat(flyway).as("Flyway managed by Spring Boot " + boot).startsWith(FLYWAY_BY_BOOT.get(bootLine) + ".");
		String expectedBoot = System.getProperty("schemagate.expect.spring-boot");
		if (expectedBoot != null) {
			assertThat(boot).as("Spring Boot version").startsWith(expectedBoot + ".");
		}
		String expectedJava = System.getProperty("schemagate.expect.java");
		if (expectedJava != null) {
			assertThat(Runtime.version().feature()).as("Java feature version").hasToString(expectedJava);
		}
	}

	private static String flywayVersion() {
		try (InputStream in = Flyway.class
			.getResourceAsStream("/META-INF/maven/org.flywaydb/flyway-core/pom.properties")) {
			assertThat(in).as("flyway-core's pom.properties").isNotNull();
			Properties properties = new Properties();
			properties.load(in);
			return properties.getProperty("version");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
