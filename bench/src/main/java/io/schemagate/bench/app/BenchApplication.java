package io.schemagate.bench.app;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The service whose startup the benchmark measures: Web MVC, Actuator, JDBC and the
 * Schemagate starter, with one endpoint that reads the database. The harness starts this
 * same jar in every variant and changes only properties (see {@link BenchVariants}).
 */
@SpringBootApplication
public class BenchApplication {

	public static void main(String[] args) {
		SpringApplication.run(BenchApplication.class, args);
	}

}
