package io.schemagate.internal.local;

import java.util.function.Supplier;

import org.flywaydb.core.api.MigrationVersion;

/**
 * A versioned or baseline SQL migration script, as the migration job reads it before
 * applying it.
 *
 * @param version the version
 * @param description the description, from the file name
 * @param baseline whether this is a baseline migration ({@code B1__x.sql})
 * @param script the script's file name
 * @param text reads the script's text
 */
public record VersionedScript(MigrationVersion version, String description, boolean baseline, String script,
		Supplier<String> text) {

	/**
	 * This script as a local migration without a checksum: enough for Flyway's rules to
	 * tell which versions are pending, and read without the script's text.
	 * @return the migration
	 */
	public LocalMigration withoutChecksum() {
		return new LocalMigration(this.version, this.description, this.baseline ? "SQL_BASELINE" : "SQL", this.script,
				null, null);
	}

}
