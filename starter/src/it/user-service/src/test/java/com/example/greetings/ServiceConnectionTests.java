package com.example.greetings;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A test as Testcontainers' {@code @ServiceConnection} sets it up: the database comes as a
 * {@link JdbcConnectionDetails} bean, which is what {@code @ServiceConnection} registers
 * for a {@code PostgreSQLContainer}. Here its URL is the test server's, as there is no
 * Docker engine to start a container.
 */
@SpringBootTest
@Import(ServiceConnectionTests.PostgresConnection.class)
class ServiceConnectionTests {

	@Autowired
	private GreetingRepository greetings;

	@Test
	void seededGreetingsAreThere() {
		assertThat(this.greetings.languages()).containsExactly("en", "fr");
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class PostgresConnection {

		@Bean
		JdbcConnectionDetails postgresConnectionDetails() {
			String url = TestPostgres.createDatabase();
			return new JdbcConnectionDetails() {

				@Override
				public String getJdbcUrl() {
					return url;
				}

				@Override
				public String getUsername() {
					return TestPostgres.USERNAME;
				}

				@Override
				public String getPassword() {
					return TestPostgres.PASSWORD;
				}

			};
		}

	}

}
