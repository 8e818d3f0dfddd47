package io.schemagate.internal;

import org.flywaydb.core.api.MigrationVersion;
import org.jspecify.annotations.Nullable;

/**
 * How reports and health details name a migration: its version, or {@code R:} and the
 * description of a repeatable one.
 */
public final class MigrationLabel {

	private MigrationLabel() {
	}

	/**
	 * The label of a migration.
	 * @param version the version, {@code null} for a repeatable migration
	 * @param description the description
	 * @return the label
	 */
	public static String of(@Nullable MigrationVersion version, String description) {
		return (version != null) ? version.getVersion() : "R:" + description;
	}

}
