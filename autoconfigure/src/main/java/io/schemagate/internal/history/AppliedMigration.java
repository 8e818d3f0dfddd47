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
	 * Whether Flyway writes rows of this type itself, never resolving a migration of it:
	 * a created schema, a baseline, a deletion by repair.
	 * @return whether the row is synthetic
	 */
	public boolean isSynthetic() {
		return isSchema() || isBaseline() || isDelete();
	}

	/**
	 * Whether the row records the creation of a schema.
	 * @return whether this is a schema row
	 */
	public boolean isSchema() {
		return "SCHEMA".equals(this.type);
	}

	/**
	 * Whether the row records the baseline Flyway writes itself ({@code baseline()},
	 * {@code baselineOnMigrate}).
	 * @return whether this is a baseline row
	 */
	public boolean isBaseline() {
		return "BASELINE".equals(this.type);
	}

	/**
	 * Whether the row is of a baseline type: Flyway's own baseline, or an applied
	 * baseline migration ({@code SQL_BASELINE}, {@code JDBC_BASELINE}).
	 * @return whether its type is a baseline type
	 */
	public boolean isBaselineType() {
		return this.type.endsWith("BASELINE");
	}

	/**
	 * Whether the row records an undo ({@code UNDO_SCRIPT}, the one undo type Flyway's
	 * open-source edition reads).
	 * @return whether this is an undo row
	 */
	public boolean isUndo() {
		return "UNDO_SCRIPT".equals(this.type);
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
