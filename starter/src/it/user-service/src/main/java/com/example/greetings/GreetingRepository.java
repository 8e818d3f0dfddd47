package com.example.greetings;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class GreetingRepository {

	private final JdbcClient jdbc;

	public GreetingRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public List<String> languages() {
		return this.jdbc.sql("SELECT language FROM greeting ORDER BY language").query(String.class).list();
	}

	public void add(String language, String text) {
		this.jdbc.sql("INSERT INTO greeting (language, text) VALUES (?, ?)").params(language, text).update();
	}

}
