package io.schemagate.sample;

/**
 * Request body of {@code POST /products}.
 *
 * @param name the display name, 1 to 100 characters
 * @param priceCents the unit price in cents, 0 to 1,000,000
 * @author Schemagate
 */
public record NewProduct(String name, Integer priceCents) {

	static final int MAX_NAME_LENGTH = 100;

	static final int MAX_PRICE_CENTS = 1_000_000;

	/**
	 * Check the request, returning a copy with the name trimmed.
	 * @return the validated request
	 * @throws InvalidRequestException if a field is missing or out of range
	 */
	public NewProduct validated() {
		String trimmed = InvalidRequestException.requireText("name", this.name, MAX_NAME_LENGTH);
		InvalidRequestException.requireRange("priceCents", this.priceCents, 0, MAX_PRICE_CENTS);
		return new NewProduct(trimmed, this.priceCents);
	}

}
