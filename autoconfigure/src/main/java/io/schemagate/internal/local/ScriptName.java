package io.schemagate.internal.local;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.callback.Event;
import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.api.migration.baseline.BaselineMigrationConfigurationExtension;
import org.jspecify.annotations.Nullable;

/**
 * A resource's name read as Flyway reads it: the longest of the known prefixes
 * (versioned, repeatable, baseline and every callback event) that the name starts with,
 * exactly as written; the first configured suffix, in any case; then version and
 * description at the first separator, underscores in the description read as spaces.
 *
 * @param kind what the name makes of the resource
 * @param prefix the prefix found
 * @param version the version of a versioned or baseline migration
 * @param description the description
 * @param problem why the name is not valid, for {@link Kind#INVALID}
 */
record ScriptName(Kind kind, String prefix, @Nullable MigrationVersion version, String description,
		@Nullable String problem) {

	/**
	 * What a resource is by its name.
	 */
	enum Kind {

		/** A versioned migration ({@code V1__x.sql}). */
		VERSIONED,

		/** A repeatable migration ({@code R__x.sql}). */
		REPEATABLE,

		/** A baseline migration ({@code B1__x.sql}). */
		BASELINE,

		/** A callback ({@code afterMigrate.sql}). */
		CALLBACK,

		/** A name with a suffix that is none of the above. */
		INVALID

	}

	/**
	 * The prefixes of a configuration, longest first, as Flyway tries them.
	 */
	static final class Prefixes {

		private final List<Prefix> prefixes = new ArrayList<>();

		private final String[] suffixes;

		private final String separator;

		Prefixes(Configuration configuration) {
			this.suffixes = configuration.getSqlMigrationSuffixes();
			this.separator = configuration.getSqlMigrationSeparator();
			add(configuration.getSqlMigrationPrefix(), Kind.VERSIONED);
			add(configuration.getRepeatableSqlMigrationPrefix(), Kind.REPEATABLE);
			String baseline = baselinePrefix(configuration);
			if (baseline != null) {
				add(baseline, Kind.BASELINE);
			}
			for (Event event : Event.values()) {
				add(event.toString(), Kind.CALLBACK);
			}
			// stable: among equally long prefixes the first added wins, as in Flyway
			this.prefixes.sort(Comparator.comparingInt((Prefix prefix) -> prefix.text().length()).reversed());
		}

		private void add(String text, Kind kind) {
			this.prefixes.add(new Prefix(text, kind));
		}

		static @Nullable String baselinePrefix(Configuration configuration) {
			BaselineMigrationConfigurationExtension extension = configuration.getPluginRegister()
				.getExact(BaselineMigrationConfigurationExtension.class);
			return (extension != null) ? extension.getBaselineMigrationPrefix() : null;
		}

		/**
		 * The suffix a file name ends with, in any case, the first configured one that
		 * matches.
		 * @param filename the file name
		 * @return the suffix as configured, or {@code null}
		 */
		@Nullable String suffixOf(String filename) {
			String upper = filename.toUpperCase(Locale.ROOT);
			for (String suffix : this.suffixes) {
				if (upper.endsWith(suffix.toUpperCase(Locale.ROOT))) {
					return suffix;
				}
			}
			return null;
		}

		/**
		 * Read a file name that ends with a configured suffix.
		 * @param filename the file name
		 * @param suffix the suffix it ends with
		 * @return the name
		 */
		ScriptName parse(String filename, String suffix) {
			String name = filename.substring(0, filename.length() - suffix.length());
			for (Prefix prefix : this.prefixes) {
				if (!prefix.text().isEmpty() && name.startsWith(prefix.text())) {
					return read(prefix, name.substring(prefix.text().length()));
				}
			}
			return invalid("Unrecognised migration name format: " + filename);
		}

		private ScriptName read(Prefix prefix, String rest) {
			int split = rest.indexOf(this.separator);
			String versionText = (split >= 0) ? rest.substring(0, split) : rest;
			String description = ((split >= 0) ? rest.substring(split + this.separator.length()) : "").replace('_',
					' ');
			boolean versioned = prefix.kind() == Kind.VERSIONED || prefix.kind() == Kind.BASELINE;
			if (!versioned) {
				return versionText.isEmpty() ? new ScriptName(prefix.kind(), prefix.text(), null, description, null)
						: invalid("a " + prefix.kind().name().toLowerCase(Locale.ROOT)
								+ " name cannot contain a version");
			}
			if (versionText.isEmpty()) {
				return invalid("a versioned migration name must contain a version");
			}
			try {
				MigrationVersion version = MigrationVersion.fromVersion(versionText);
				return new ScriptName(prefix.kind(), prefix.text(), version, description, null);
			}
			catch (RuntimeException ex) {
				return invalid("could not recognise version number " + versionText);
			}
		}

		private static ScriptName invalid(String problem) {
			return new ScriptName(Kind.INVALID, "", null, "", problem);
		}

	}

	private record Prefix(String text, Kind kind) {

	}

}
