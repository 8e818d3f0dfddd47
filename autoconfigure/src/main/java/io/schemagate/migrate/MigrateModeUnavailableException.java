package io.schemagate.migrate;

import io.schemagate.SchemagateException;

/**
 * {@code db.mode=migrate} was set, but nothing would be migrated: Schemagate backs off
 * (no Flyway, no data source, {@code spring.flyway.enabled=false}) or the application
 * migrates its own way. Startup fails instead of a job that exits 0 having done nothing.
 */
public class MigrateModeUnavailableException extends SchemagateException {

	private final String reason;

	private final String action;

	/**
	 * Create an exception.
	 * @param reason why nothing would be migrated
	 * @param action what to do about it
	 */
	public MigrateModeUnavailableException(String reason, String action) {
		super("'db.mode=migrate' would migrate nothing: " + reason, null);
		this.reason = reason;
		this.action = action;
	}

	@Override
	public String getDescription() {
		return "'db.mode' is 'migrate', but this application would migrate nothing: " + this.reason + ".";
	}

	@Override
	public String getAction() {
		return this.action;
	}

}
