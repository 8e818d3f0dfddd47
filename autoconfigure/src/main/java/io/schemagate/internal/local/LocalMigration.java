package io.schemagate.internal.local;

import java.util.Objects;

import org.flywaydb.core.api.MigrationVersion;
import org.jspecify.annotations.Nullable;

import io.schemagate.internal.MigrationLabel;

/**
 * A migration the application knows: a script or Java migration found in Flyway's
 * locations.
 *
 * @param version the version, {@code null} for a repeatable migration
 * @param description the description as Flyway records it
 * @param type the type as Flyway records it ({@code SQL}, {@code JDBC},
 * {@code SQL_BASELINE}, {@code JDBC_BASELINE})
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

	/**
	 * Whether this is a baseline migration ({@code B1__x.sql}, a
	 * {@code BaselineJavaMigration}).
	 * @return whether its type is a baseline type
	 */
	public boolean isBaseline() {
		return this.type.endsWith("BASELINE");
	}

	/**
	 * Whether a checksum from the history matches, as Flyway matches it: the checksum, or
	 * the equivalent one of a repeatable script without placeholder replacement.
	 * @param applied the checksum in the history
	 * @return whether it matches
	 */
	public boolean checksumMatches(@Nullable Integer applied) {
		return Objects.equals(applied, this.checksum)
				|| (this.equivalentChecksum != null && this.equivalentChecksum.equals(applied));
	}

	/**
	 * The checksum Flyway compares with the history when it validates: the checksum, else
	 * the equivalent one.
	 * @return the checksum, if any
	 */
	public @Nullable Integer validatedChecksum() {
		return (this.checksum != null) ? this.checksum : this.equivalentChecksum;
	}

}
