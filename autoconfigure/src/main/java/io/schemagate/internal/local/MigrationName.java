package io.schemagate.internal.local;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.configuration.Configuration;
import org.jspecify.annotations.Nullable;

/**
 * The version and description in a migration script's name, parsed as Flyway does:
 * {@code V1_2__Add_index.sql} is version {@code 1.2}, description {@code Add index};
 * {@code R__View.sql} is a repeatable migration.
 *
 * @param version the version, {@code null} for a repeatable migration
 * @param description the description, underscores read as spaces
 */
record MigrationName(@Nullable MigrationVersion version, String description) {

	/**
	 * Parse a script name.
	 * @param filename the file name
	 * @param suffix the migration suffix the file name ends with
	 * @param configuration Flyway's naming settings
	 * @return the name, or {@code null} when the file is not a versioned or repeatable
	 * migration (a callback, an undo script, a malformed name)
	 */
	static @Nullable MigrationName parse(String filename, String suffix, Configuration configuration) {
		String name = filename.substring(0, filename.length() - suffix.length());
		String separator = configuration.getSqlMigrationSeparator();
		boolean repeatable = name.startsWith(configuration.getRepeatableSqlMigrationPrefix());
		String prefix = repeatable ? configuration.getRepeatableSqlMigrationPrefix()
				: configuration.getSqlMigrationPrefix();
		if (!name.startsWith(prefix)) {
			return null;
		}
		String rest = name.substring(prefix.length());
		int split = rest.indexOf(separator);
		String versionText = (split >= 0) ? rest.substring(0, split) : rest;
		String description = ((split >= 0) ? rest.substring(split + separator.length()) : "").replace('_', ' ');
		if (repeatable) {
			return versionText.isEmpty() ? new MigrationName(null, description) : null;
		}
		MigrationVersion version = version(versionText);
		return (version != null) ? new MigrationName(version, description) : null;
	}

	private static @Nullable MigrationVersion version(String text) {
		if (text.isEmpty()) {
			return null;
		}
		try {
			MigrationVersion version = MigrationVersion.fromVersion(text);
			return (version.getVersion() != null && !text.equalsIgnoreCase("latest")
					&& !text.equalsIgnoreCase("current") && !text.equalsIgnoreCase("next")) ? version : null;
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

}
