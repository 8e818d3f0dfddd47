package io.schemagate.internal.local;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

import org.flywaydb.core.api.configuration.Configuration;
import org.jspecify.annotations.Nullable;

import io.schemagate.internal.history.SchemaHistoryReader;
import io.schemagate.verify.NotVerifiableException;

/**
 * Replaces placeholders in a script as Flyway does before computing a repeatable
 * migration's checksum, quirks included: a prefix is only recognised where a run of
 * prefix characters starts fresh (so {@code $${name}} stays as written, as in Flyway),
 * the name runs to the next suffix, untrimmed, and is looked up regardless of case. A
 * placeholder without a value makes Flyway's {@code info()} fail, so verify refuses it.
 * <p>
 * Of Flyway's own placeholders, those a check cannot know are refused by name:
 * {@code flyway:user} (the migration job and the services connect as different roles),
 * {@code flyway:database}, {@code flyway:timestamp} (a new value at every run) and
 * {@code flyway:defaultSchema} when no schema is configured.
 */
final class ScriptPlaceholders {

	// compared by identity: a value of its own, which no configured value can be
	private static final String UNKNOWABLE = new String("unknowable");

	private final Map<String, String> values = new HashMap<>();

	private final Map<String, String> unknowable = new HashMap<>();

	private final String prefix;

	private final String suffix;

	private final String separator;

	private volatile boolean usedSchema;

	ScriptPlaceholders(Configuration configuration) {
		this.prefix = configuration.getPlaceholderPrefix();
		this.suffix = configuration.getPlaceholderSuffix();
		this.separator = configuration.getPlaceholderSeparator();
		configuration.getPlaceholders().forEach(this::put);
		String defaultSchema = SchemaHistoryReader.historySchema(configuration);
		if (defaultSchema != null) {
			builtIn("defaultSchema", defaultSchema);
		}
		else {
			unknowable("defaultSchema", "no schema is configured, so its value is the connection's current schema",
					"set 'spring.flyway.default-schema'");
		}
		builtIn("table", configuration.getTable());
		builtIn("workingDirectory", (configuration.getWorkingDirectory() != null) ? configuration.getWorkingDirectory()
				: System.getProperty("user.dir"));
		builtIn("environment", configuration.getCurrentEnvironmentName());
		unknowable("user", "its value is the connecting role, and the migration job and the services connect as "
				+ "different roles", "use a placeholder of your own");
		unknowable("database", "its value comes from the connection", "use a placeholder of your own");
		unknowable("timestamp", "it changes at every run, so Flyway finds the script outdated at every run",
				"leave the timestamp out of repeatable migrations");
	}

	private void builtIn(String name, @Nullable String value) {
		put("flyway" + this.separator + name, (value != null) ? value : "");
	}

	private void unknowable(String name, String reason, String advice) {
		String key = "flyway" + this.separator + name;
		this.unknowable.put(key.toLowerCase(), reason + "; " + advice);
		put(key, UNKNOWABLE);
	}

	private void put(String name, String value) {
		this.values.put(name.toLowerCase(), value);
	}

	/**
	 * Replace the placeholders of a script.
	 * @param text the script's text
	 * @param script the script's name, for messages
	 * @param filename the value of {@code flyway:filename}
	 * @return the text with placeholders replaced
	 * @throws NotVerifiableException for a placeholder without a value, or one of
	 * Flyway's own that a check cannot know
	 */
	String replace(String text, String script, String filename) {
		return replace(text, script, (name) -> {
			if (name.equalsIgnoreCase("flyway" + this.separator + "filename")) {
				return filename;
			}
			if (name.equalsIgnoreCase("flyway" + this.separator + "defaultSchema")) {
				this.usedSchema = true;
			}
			String value = this.values.get(name.toLowerCase());
			if (value == null) {
				throw missing(script, name);
			}
			if (value == UNKNOWABLE) {
				throw new NotVerifiableException(script,
						"it uses '" + this.prefix + name + this.suffix + "': "
								+ this.unknowable.get(name.toLowerCase()),
						"Change the placeholder, or, if the migration job is meant to re-run the script every time, "
								+ "make it versioned.");
			}
			return value;
		});
	}

	/**
	 * Whether a replacement so far used {@code flyway:defaultSchema}, the one value that
	 * differs between targets that are alike but for their schema.
	 * @return whether the schema was used
	 */
	boolean usedSchema() {
		return this.usedSchema;
	}

	private NotVerifiableException missing(String script, String name) {
		return new NotVerifiableException(script,
				"it uses the placeholder '" + this.prefix + name + this.suffix + "', which has no value; Flyway's "
						+ "info() and validate() fail on it too",
				"Give it a value with 'spring.flyway.placeholders." + name + "', or turn placeholder replacement off "
						+ "for the script ('placeholderReplacement=false' in its .conf file).");
	}

	private String replace(String text, String script, Function<String, String> lookup) {
		StringBuilder result = new StringBuilder(text.length());
		int index = 0;
		int length = text.length();
		while (index < length) {
			// read ahead while the characters keep matching the prefix's beginning
			int matched = 0;
			while (matched < this.prefix.length() && index + matched < length
					&& text.charAt(index + matched) == this.prefix.charAt(matched)) {
				matched++;
			}
			if (matched < this.prefix.length()) {
				// what was read ahead is kept as it is, and not looked at again
				int consumed = Math.max(1, readAhead(text, index, matched));
				result.append(text, index, index + consumed);
				index += consumed;
				continue;
			}
			int nameStart = index + this.prefix.length();
			int suffixAt = text.indexOf(this.suffix, nameStart);
			String name;
			if (suffixAt < 0) {
				// no suffix before the end: Flyway drops as many characters as the suffix
				// has, and fails when there are fewer
				int end = length - this.suffix.length();
				if (end < nameStart) {
					throw new NotVerifiableException(script,
							"it ends with an unterminated placeholder '" + text.substring(index) + "'; Flyway's "
									+ "info() and validate() fail on it too",
							"Close the placeholder with '" + this.suffix + "', or turn placeholder replacement off "
									+ "for the script ('placeholderReplacement=false' in its .conf file).");
				}
				name = text.substring(nameStart, end);
				index = length;
			}
			else {
				name = text.substring(nameStart, suffixAt);
				index = suffixAt + this.suffix.length();
			}
			String value = lookup.apply(name);
			result.append(value);
		}
		return result.toString();
	}

	/**
	 * How many characters Flyway reads ahead at a position that does not start a full
	 * prefix: the matching ones and the first that did not match.
	 */
	private int readAhead(String text, int index, int matched) {
		return Math.min(matched + 1, text.length() - index);
	}

}
