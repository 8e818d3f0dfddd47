package io.schemagate.verify;

import io.schemagate.SchemagateException;

/**
 * Verify mode cannot judge this application's migrations exactly as Flyway's own
 * {@code info()} and {@code validate()} would: a setting it cannot honour, or a script
 * Flyway itself would refuse. Startup stops instead of verifying on a guess.
 */
public class NotVerifiableException extends SchemagateException {

	private final String subject;

	private final String reason;

	private final String action;

	/**
	 * Create an exception.
	 * @param subject what cannot be verified: a setting ({@code spring.flyway.init-sqls})
	 * or a script
	 * @param reason why, in a sentence
	 * @param action what to do instead
	 */
	public NotVerifiableException(String subject, String reason, String action) {
		super("Cannot verify with '" + subject + "': " + reason, null);
		this.subject = subject;
		this.reason = reason;
		this.action = action;
	}

	/**
	 * What cannot be verified.
	 * @return the setting or script
	 */
	public String getSubject() {
		return this.subject;
	}

	@Override
	public String getDescription() {
		return "Verify mode cannot check the schema as Flyway would with '" + this.subject + "': " + this.reason;
	}

	@Override
	public String getAction() {
		return this.action;
	}

}
