package io.schemagate.internal.history;

import org.flywaydb.core.api.MigrationVersion;
import org.jspecify.annotations.Nullable;

import io.schemagate.internal.MigrationLabel;

/**
 * A row of Flyway's schema history table.
 *
 * @param installedRank the order in which it was applied
 * @param version the version, {@code null} for a repeatable migration
 * @param description the recorded description
 * @param type the recorded type ({@code SQL}, {@code JDBC}, {@code BASELINE},
 * {@code DELETE}...)
 * @param script the recorded script
 * @param checksum the recorded checksum, if any
 * @param success whether it succeeded
 */
public record AppliedMigration(int installedRank, @Nullable MigrationVersion version, String description, String type,
		String script, @Nullable Integer checksum, boolean success) {

	/**
	 * Whether this is a versioned migration.
	 * @return {@code true} unless repeatable
	 */
	public boolean isVersioned() {
		return this.version != null;
	}

	/**
	 * Whether the row is a marker Flyway writes rather than a migration it ran: a
	 * baseline, a created schema or table, a deletion, an undo.
	 * @return whether the row is synthetic
	 */
	public boolean isMarker() {
		return isBaseline() || "SCHEMA".equals(this.type) || "TABLE".equals(this.type) || isDelete()
				|| this.type.startsWith("UNDO");
	}

	/**
	 * Whether the row records a baseline.
	 * @return whether this is a baseline row
	 */
	public boolean isBaseline() {
		return "BASELINE".equals(this.type);
	}

	/**
	 * Whether the row records that an earlier migration was deleted by repair.
	 * @return whether this is a deletion row
	 */
	public boolean isDelete() {
		return "DELETE".equals(this.type);
	}

	/**
	 * A short name for messages: the version, or the description of a repeatable.
	 * @return the label
	 */
	public String label() {
		return MigrationLabel.of(this.version, this.description);
	}

}
