package io.schemagate.sample;

import java.time.OffsetDateTime;

/**
 * An order without its lines, as listed by {@code GET /orders}.
 *
 * @param id the order id
 * @param customer who placed the order
 * @param status the order status
 * @param createdAt when the order was placed
 * @param itemCount the total quantity over all lines
 * @param totalCents the order total in cents, read from the {@code order_totals} view
 * @author Schemagate
 */
public record OrderSummary(long id, String customer, String status, OffsetDateTime createdAt, long itemCount,
		long totalCents) {

}
