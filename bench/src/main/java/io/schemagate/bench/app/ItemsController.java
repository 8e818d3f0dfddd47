package io.schemagate.bench.app;

import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The service's only endpoint, so that the application has a {@link JdbcClient} that
 * waits for the schema step as a real service's would.
 */
@RestController
class ItemsController {

	private final JdbcClient jdbc;

	ItemsController(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@GetMapping("/items/count")
	Map<String, Long> count() {
		return Map.of("items", this.jdbc.sql("SELECT count(*) FROM bench_item").query(Long.class).single());
	}

}
