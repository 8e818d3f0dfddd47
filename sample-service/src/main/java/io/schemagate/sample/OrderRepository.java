package io.schemagate.sample;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads and writes the order aggregate: {@code orders}, {@code order_lines}, and the
 * {@code order_totals} view.
 *
 * @author Schemagate
 */
@Repository
public class OrderRepository {

	private static final String SELECT_SUMMARY = """
			SELECT o.id, o.customer, o.status, o.created_at, t.item_count, t.total_cents
			FROM orders o JOIN order_totals t ON t.order_id = o.id
			""";

	private static final RowMapper<OrderSummary> SUMMARY = (rs, rowNum) -> new OrderSummary(rs.getLong("id"),
			rs.getString("customer"), rs.getString("status"), rs.getObject("created_at", OffsetDateTime.class),
			rs.getLong("item_count"), rs.getLong("total_cents"));

	private static final RowMapper<Order.Line> LINE = (rs, rowNum) -> new Order.Line(rs.getLong("product_id"),
			rs.getString("name"), rs.getInt("quantity"), rs.getInt("price_cents"));

	private final JdbcClient jdbc;

	public OrderRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * List orders, newest first.
	 * @param customer only return this customer's orders, or {@code null} for all
	 * @return the order summaries
	 */
	public List<OrderSummary> findAll(String customer) {
		String order = " ORDER BY o.created_at DESC, o.id DESC";
		if (customer == null) {
			return this.jdbc.sql(SELECT_SUMMARY + order).query(SUMMARY).list();
		}
		return this.jdbc.sql(SELECT_SUMMARY + " WHERE o.customer = :customer" + order)
			.param("customer", customer)
			.query(SUMMARY)
			.list();
	}

	/**
	 * Find an order with its lines.
	 * @param id the order id
	 * @return the order, if any
	 */
	@Transactional(readOnly = true)
	public Optional<Order> findById(long id) {
		return this.jdbc.sql(SELECT_SUMMARY + " WHERE o.id = :id")
			.param("id", id)
			.query(SUMMARY)
			.optional()
			.map((summary) -> new Order(summary.id(), summary.customer(), summary.status(), summary.createdAt(),
					summary.totalCents(), findLines(id)));
	}

	private List<Order.Line> findLines(long orderId) {
		return this.jdbc.sql("""
				SELECT l.product_id, p.name, l.quantity, p.price_cents
				FROM order_lines l JOIN products p ON p.id = l.product_id
				WHERE l.order_id = :orderId ORDER BY l.product_id
				""").param("orderId", orderId).query(LINE).list();
	}

	/**
	 * Insert an order and its lines in one transaction.
	 * @param order the validated request, whose products exist
	 * @return the id of the new order
	 */
	@Transactional
	public long create(NewOrder order) {
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.sql("INSERT INTO orders (customer) VALUES (:customer)")
			.param("customer", order.customer())
			.update(keys, "id");
		long id = keys.getKeyAs(Long.class);
		for (NewOrder.Line line : order.lines()) {
			this.jdbc.sql(
					"INSERT INTO order_lines (order_id, product_id, quantity) VALUES (:orderId, :productId, :quantity)")
				.param("orderId", id)
				.param("productId", line.productId())
				.param("quantity", line.quantity())
				.update();
		}
		return id;
	}

}
