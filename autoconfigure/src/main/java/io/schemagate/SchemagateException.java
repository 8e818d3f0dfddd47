package io.schemagate;

import org.jspecify.annotations.Nullable;

import io.schemagate.internal.Messages;

/**
 * A failure that stops startup and says what happened and what to do, for Boot's failure
 * report ("Description" and "Action").
 */
public abstract class SchemagateException extends RuntimeException {

	/**
	 * Create an exception.
	 * @param message the message
	 * @param cause the cause, if any
	 */
	protected SchemagateException(String message, @Nullable Throwable cause) {
		super(Messages.sanitize(message), cause);
	}

	/**
	 * What happened, for a failure report.
	 * @return the description
	 */
	public abstract String getDescription();

	/**
	 * What to do about it, for a failure report.
	 * @return the action
	 */
	public abstract String getAction();

}
