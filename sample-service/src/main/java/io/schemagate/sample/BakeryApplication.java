package io.schemagate.sample;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Bakery orders service: a small REST application used to demonstrate Schemagate.
 * <p>
 * By default the service only verifies that its schema has been migrated. Run it once
 * with {@code --db.mode=migrate} (as a Kubernetes Job, for example) to apply the Flyway
 * migrations in {@code classpath:db/migration}.
 *
 * @author Schemagate
 */
@SpringBootApplication
public class BakeryApplication {

	public static void main(String[] args) {
		SpringApplication.run(BakeryApplication.class, args);
	}

}
