package io.schemagate.sample;

import java.util.List;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * End-to-end tests of the bakery endpoints against an in-memory H2 database, which a
 * Spring test context migrates on startup with no setting of its own.
 *
 * @author Schemagate
 */
@SpringBootTest(properties = "spring.datasource.url=jdbc:h2:mem:bakery-tests;DB_CLOSE_DELAY=-1")
@AutoConfigureMockMvc
class BakeryApplicationTests {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private JdbcClient jdbc;

	@Test
	void migrationsAppliedFiveVersionedAndOneRepeatable() {
		List<String> scripts = this.jdbc
			.sql("SELECT \"script\" FROM \"flyway_schema_history\" WHERE \"type\" = 'SQL' AND \"success\" = TRUE")
			.query(String.class)
			.list();
		assertThat(scripts).containsExactlyInAnyOrder("V1__create_products.sql", "V2__create_orders.sql",
				"V3__create_order_lines.sql", "V4__index_orders_by_customer.sql", "V5__seed_products.sql",
				"R__order_totals_view.sql");
	}

	@Test
	void listsSeededProducts() throws Exception {
		this.mvc.perform(get("/products"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[*].name", hasItem("Sourdough loaf")))
			.andExpect(jsonPath("$[?(@.name == 'Croissant')].priceCents", hasItem(280)));
	}

	@Test
	void createsProduct() throws Exception {
		long id = idOf(postJson("/products", "{\"name\": \" Lemon tart \", \"priceCents\": 420}")
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.name").value("Lemon tart"))
			.andExpect(jsonPath("$.createdAt").isNotEmpty()));
		this.mvc.perform(get("/products/" + id))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.priceCents").value(420));
		this.mvc.perform(get("/products")).andExpect(jsonPath("$[*].name", hasItem("Lemon tart")));
	}

	@Test
	void createsOrderWithTotalFromView() throws Exception {
		long croissant = seededProductId("Croissant");
		long sourdough = seededProductId("Sourdough loaf");
		String body = "{\"customer\": \"Ada\", \"lines\": [{\"productId\": %d, \"quantity\": 2}, {\"productId\": %d, \"quantity\": 1}]}"
			.formatted(croissant, sourdough);
		ResultActions created = postJson("/orders", body).andExpect(status().isCreated())
			.andExpect(jsonPath("$.status").value("NEW"));
		long id = idOf(created);
		created.andExpect(header().string("Location", "/orders/" + id));
		this.mvc.perform(get("/orders/" + id))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.customer").value("Ada"))
			.andExpect(jsonPath("$.totalCents").value(2 * 280 + 650))
			.andExpect(jsonPath("$.lines.length()").value(2))
			.andExpect(jsonPath("$.lines[?(@.productName == 'Croissant')].quantity", hasItem(2)));
		this.mvc.perform(get("/orders"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[?(@.id == %d)].totalCents".formatted(id), hasItem(1210)));
		this.mvc.perform(get("/orders").param("customer", "Ada"))
			.andExpect(jsonPath("$[*].customer", hasItem("Ada")))
			.andExpect(jsonPath("$[?(@.customer != 'Ada')]").isEmpty());
	}

	@Test
	void unknownOrderIsNotFound() throws Exception {
		this.mvc.perform(get("/orders/987654")).andExpect(status().isNotFound());
	}

	@Test
	void rejectsBadInput() throws Exception {
		long croissant = seededProductId("Croissant");
		expectBadRequest("/products", "{\"name\": \"\", \"priceCents\": 100}", "name must not be blank");
		expectBadRequest("/products", "{\"name\": \"Scone\", \"priceCents\": -1}", "priceCents must be between");
		expectBadRequest("/products", "{\"name\": \"Scone\"}", "priceCents is required");
		expectBadRequest("/orders", "{\"customer\": \"Bo\", \"lines\": []}", "lines must not be empty");
		expectBadRequest("/orders", "{\"lines\": [{\"productId\": %d, \"quantity\": 1}]}".formatted(croissant),
				"customer must not be blank");
		expectBadRequest("/orders",
				"{\"customer\": \"Bo\", \"lines\": [{\"productId\": %d, \"quantity\": 0}]}".formatted(croissant),
				"quantity must be between");
		expectBadRequest("/orders", "{\"customer\": \"Bo\", \"lines\": [{\"productId\": 987654, \"quantity\": 1}]}",
				"unknown product ids [987654]");
		postJson("/orders", "{not json").andExpect(status().isBadRequest());
	}

	@Test
	void healthIsUp() throws Exception {
		this.mvc.perform(get("/actuator/health"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("UP"));
	}

	private void expectBadRequest(String path, String body, String detail) throws Exception {
		postJson(path, body).andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail", containsString(detail)));
	}

	private ResultActions postJson(String path, String body) throws Exception {
		return this.mvc.perform(post(path).contentType(MediaType.APPLICATION_JSON).content(body));
	}

	private long seededProductId(String name) {
		return this.jdbc.sql("SELECT id FROM products WHERE name = :name")
			.param("name", name)
			.query(Long.class)
			.single();
	}

	private static long idOf(ResultActions result) throws Exception {
		Number id = JsonPath.read(result.andReturn().getResponse().getContentAsString(), "$.id");
		return id.longValue();
	}

}
