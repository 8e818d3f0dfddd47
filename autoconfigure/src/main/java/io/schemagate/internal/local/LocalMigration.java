package io.schemagate.internal.local;

import org.flywaydb.core.api.MigrationVersion;
import org.jspecify.annotations.Nullable;

import io.schemagate.internal.MigrationLabel;

/**
 * A migration the application knows: a script or Java migration found in Flyway's
 * locations.
 *
 * @param version the version, {@code null} for a repeatable migration
 * @param description the description as Flyway records it
 * @param type the type as Flyway records it ({@code SQL}, {@code JDBC})
 * @param script the script name or class name
 * @param checksum the checksum as Flyway records it, if any
 * @param equivalentChecksum for repeatable scripts, the checksum without placeholder
 * replacement, which Flyway accepts as well
 */
public record LocalMigration(@Nullable MigrationVersion version, String description, String type, String script,
		@Nullable Integer checksum, @Nullable Integer equivalentChecksum) {

	/**
	 * Whether this is a versioned migration.
	 * @return {@code true} unless repeatable
	 */
	public boolean isVersioned() {
		return this.version != null;
	}

	/**
	 * A short name for messages: the version, or the description of a repeatable.
	 * @return the label
	 */
	public String label() {
		return MigrationLabel.of(this.version, this.description);
	}

}
