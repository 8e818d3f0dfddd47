package com.example.greetings;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.boot.jdbc.test.autoconfigure.JdbcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A JDBC slice test on a real PostgreSQL database instead of the embedded one.
 */
@JdbcTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Import(GreetingRepository.class)
class GreetingRepositoryJdbcTests {

	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry registry) {
		String url = TestPostgres.createDatabase();
		registry.add("spring.datasource.url", () -> url);
		registry.add("spring.datasource.username", () -> TestPostgres.USERNAME);
		registry.add("spring.datasource.password", () -> TestPostgres.PASSWORD);
	}

	@Autowired
	private GreetingRepository greetings;

	@Test
	void addedGreetingIsListed() {
		this.greetings.add("de", "Hallo");
		assertThat(this.greetings.languages()).containsExactly("de", "en", "fr");
	}

}
