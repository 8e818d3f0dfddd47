package io.schemagate.sample;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Request body of {@code POST /orders}.
 *
 * @param customer who places the order, 1 to 100 characters
 * @param lines the products ordered, 1 to 50 lines with distinct products
 * @author Schemagate
 */
public record NewOrder(String customer, List<Line> lines) {

	static final int MAX_CUSTOMER_LENGTH = 100;

	static final int MAX_LINES = 50;

	static final int MAX_QUANTITY = 1000;

	/**
	 * One requested line.
	 *
	 * @param productId the product id
	 * @param quantity how many, 1 to 1000
	 */
	public record Line(Long productId, Integer quantity) {

	}

	/**
	 * Check the request, returning a copy with the customer trimmed. Whether the products
	 * exist is checked against the database by the caller.
	 * @return the validated request
	 * @throws InvalidRequestException if a field is missing or out of range
	 */
	public NewOrder validated() {
		String trimmed = InvalidRequestException.requireText("customer", this.customer, MAX_CUSTOMER_LENGTH);
		if (this.lines == null || this.lines.isEmpty()) {
			throw new InvalidRequestException("lines must not be empty");
		}
		if (this.lines.size() > MAX_LINES) {
			throw new InvalidRequestException("lines must have at most " + MAX_LINES + " entries");
		}
		Set<Long> seen = new HashSet<>();
		for (Line line : this.lines) {
			if (line == null || line.productId() == null) {
				throw new InvalidRequestException("lines[].productId is required");
			}
			InvalidRequestException.requireRange("lines[].quantity", line.quantity(), 1, MAX_QUANTITY);
			if (!seen.add(line.productId())) {
				throw new InvalidRequestException("product " + line.productId() + " appears in more than one line");
			}
		}
		return new NewOrder(trimmed, List.copyOf(this.lines));
	}

	/**
	 * Return the distinct product ids of the lines.
	 * @return the product ids
	 */
	public Set<Long> productIds() {
		Set<Long> ids = new HashSet<>();
		this.lines.forEach((line) -> ids.add(line.productId()));
		return ids;
	}

}
