package io.schemagate.sample;

/**
 * Thrown when a request body is invalid; rendered as {@code 400 Bad Request} by
 * {@link ApiExceptionHandler}.
 *
 * @author Schemagate
 */
public class InvalidRequestException extends RuntimeException {

	/**
	 * Create a new exception.
	 * @param message what is wrong with the request, shown to the client
	 */
	public InvalidRequestException(String message) {
		super(message);
	}

	static String requireText(String field, String value, int maxLength) {
		if (value == null || value.isBlank()) {
			throw new InvalidRequestException(field + " must not be blank");
		}
		String trimmed = value.strip();
		if (trimmed.length() > maxLength) {
			throw new InvalidRequestException(field + " must be at most " + maxLength + " characters");
		}
		return trimmed;
	}

	static void requireRange(String field, Number value, long min, long max) {
		if (value == null) {
			throw new InvalidRequestException(field + " is required");
		}
		if (value.longValue() < min || value.longValue() > max) {
			throw new InvalidRequestException(field + " must be between " + min + " and " + max);
		}
	}

}
