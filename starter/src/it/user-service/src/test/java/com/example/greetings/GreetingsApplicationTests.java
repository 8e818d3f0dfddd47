package com.example.greetings;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The usual test of a Boot service, on the H2 in-memory database of application.properties.
 */
@SpringBootTest
class GreetingsApplicationTests {

	@Autowired
	private GreetingRepository greetings;

	@Test
	void seededGreetingsAreThere() {
		assertThat(this.greetings.languages()).containsExactly("en", "fr");
	}

}
