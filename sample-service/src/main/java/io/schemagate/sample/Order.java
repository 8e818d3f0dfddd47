package io.schemagate.sample;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * An order with its lines, as returned by {@code GET /orders/{id}}.
 *
 * @param id the order id
 * @param customer who placed the order
 * @param status the order status, {@code NEW} when created
 * @param createdAt when the order was placed
 * @param totalCents the order total in cents, read from the {@code order_totals} view
 * @param lines the order lines
 * @author Schemagate
 */
public record Order(long id, String customer, String status, OffsetDateTime createdAt, long totalCents,
		List<Line> lines) {

	/**
	 * One line of an order.
	 *
	 * @param productId the product id
	 * @param productName the product name
	 * @param quantity how many were ordered
	 * @param unitPriceCents the current unit price in cents
	 */
	public record Line(long productId, String productName, int quantity, int unitPriceCents) {

	}

}
