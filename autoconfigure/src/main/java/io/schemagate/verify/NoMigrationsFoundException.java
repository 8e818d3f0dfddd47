package io.schemagate.verify;

import io.schemagate.SchemagateException;

/**
 * Thrown when verify mode finds no migrations at all in Flyway's locations: an empty
 * location is almost always a mistake, and verifying nothing would call any database
 * ready.
 */
public class NoMigrationsFoundException extends SchemagateException {

	private final String locations;

	/**
	 * Create an exception.
	 * @param locations the locations that were searched
	 */
	public NoMigrationsFoundException(String locations) {
		super("No migrations found in " + locations, null);
		this.locations = locations;
	}

	@Override
	public String getDescription() {
		return "No migrations were found in the Flyway locations " + this.locations
				+ ", so there is nothing to verify the database against.";
	}

	@Override
	public String getAction() {
		return "Check 'spring.flyway.locations' (and that the migrations are packaged with the application), "
				+ "or set 'spring.flyway.enabled=false' if this application does not use Flyway.";
	}

}
