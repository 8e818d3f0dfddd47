package io.schemagate.internal.local;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.flywaydb.core.api.configuration.Configuration;

import io.schemagate.internal.history.SchemaHistoryReader;

/**
 * Replaces placeholders in a repeatable script the way Flyway does before computing its
 * checksum, so a changed placeholder value makes the script pending as Flyway would. The
 * defaults that need a database connection ({@code flyway:user}, {@code flyway:database})
 * and {@code flyway:timestamp} are left as written.
 */
final class ScriptPlaceholders {

	private final Map<String, String> values = new HashMap<>();

	private final String prefix;

	private final String suffix;

	ScriptPlaceholders(Configuration configuration, String filename) {
		this.prefix = configuration.getPlaceholderPrefix();
		this.suffix = configuration.getPlaceholderSuffix();
		String separator = configuration.getPlaceholderSeparator();
		configuration.getPlaceholders().forEach(this::put);
		String defaultSchema = SchemaHistoryReader.historySchema(configuration);
		if (defaultSchema != null) {
			put("flyway" + separator + "defaultSchema", defaultSchema);
		}
		put("flyway" + separator + "table", configuration.getTable());
		put("flyway" + separator + "filename", filename);
		put("flyway" + separator + "workingDirectory", (configuration.getWorkingDirectory() != null)
				? configuration.getWorkingDirectory() : System.getProperty("user.dir"));
	}

	private void put(String name, String value) {
		// Flyway looks placeholders up regardless of case
		this.values.put(name.toLowerCase(Locale.ROOT), value);
	}

	String replace(String text) {
		StringBuilder result = new StringBuilder(text.length());
		int index = 0;
		while (true) {
			int start = text.indexOf(this.prefix, index);
			int end = (start >= 0) ? text.indexOf(this.suffix, start + this.prefix.length()) : -1;
			if (end < 0) {
				return result.append(text, index, text.length()).toString();
			}
			String name = text.substring(start + this.prefix.length(), end);
			String value = this.values.get(name.toLowerCase(Locale.ROOT));
			result.append(text, index, start);
			result.append((value != null) ? value : text.substring(start, end + this.suffix.length()));
			index = end + this.suffix.length();
		}
	}

}
