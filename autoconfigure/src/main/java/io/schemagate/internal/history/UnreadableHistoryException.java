package io.schemagate.internal.history;

import java.sql.SQLException;

/**
 * The history exists but cannot be read as Flyway would read it, and Flyway's own
 * {@code info()} and {@code validate()} fail on it too: an unknown migration type, a
 * corrupted history, a name Flyway cannot quote. A check reports the database as
 * unreachable with this message.
 */
public class UnreadableHistoryException extends SQLException {

	/**
	 * Create an exception.
	 * @param message what Flyway cannot read
	 */
	public UnreadableHistoryException(String message) {
		super(message);
	}

}
