package io.schemagate.internal.local;

import java.io.IOException;
import java.io.StringReader;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import io.schemagate.internal.Messages;
import io.schemagate.verify.NotVerifiableException;

/**
 * A script's {@code .conf} file beside it ({@code V1__x.sql.conf}), as Flyway reads it:
 * {@code executeInTransaction}, {@code encoding} and {@code placeholderReplacement}. Any
 * other key, or a boolean that is neither {@code true} nor {@code false}, makes Flyway
 * fail, so verify refuses it too.
 *
 * @param encoding the script's encoding, if the file sets one
 * @param placeholderReplacement whether placeholders are replaced in the script, if the
 * file says
 */
record ScriptConfig(@Nullable String encoding, @Nullable Boolean placeholderReplacement) {

	static final ScriptConfig NONE = new ScriptConfig(null, null);

	private static final Pattern ENVIRONMENT_VARIABLE = Pattern.compile("\\$\\{([A-Za-z0-9_]+)}");

	/**
	 * Read a {@code .conf} file's text.
	 * @param name the file's name, for messages
	 * @param text its text, placeholders already replaced where Flyway replaces them
	 * @param environment the environment, for {@code ${NAME}} references
	 * @return the settings
	 * @throws NotVerifiableException for a key or value Flyway refuses
	 */
	static ScriptConfig parse(String name, String text, Map<String, String> environment) {
		Properties properties = new Properties();
		try {
			properties.load(new StringReader(expand(text, environment)));
		}
		catch (IOException | IllegalArgumentException ex) {
			throw refused(name, "it cannot be read as properties (" + Messages.describe(ex) + ")");
		}
		String encoding = null;
		Boolean placeholderReplacement = null;
		for (String key : properties.stringPropertyNames()) {
			String value = properties.getProperty(key).trim();
			switch (key) {
				case "executeInTransaction" -> bool(name, key, value);
				case "encoding" -> encoding = value;
				case "placeholderReplacement" -> placeholderReplacement = bool(name, key, value);
				default -> throw refused(name, "Flyway does not know the key '" + key + "'"
						+ ("shouldExecute".equals(key) ? " in its open-source edition" : ""));
			}
		}
		return new ScriptConfig(encoding, placeholderReplacement);
	}

	private static boolean bool(String name, String key, String value) {
		String lower = value.toLowerCase(Locale.ROOT);
		if (!lower.equals("true") && !lower.equals("false")) {
			throw refused(name, "'" + key + "' must be true or false, not '" + value + "'");
		}
		return Boolean.parseBoolean(lower);
	}

	private static String expand(String text, Map<String, String> environment) {
		Matcher matcher = ENVIRONMENT_VARIABLE.matcher(text);
		StringBuilder expanded = new StringBuilder();
		while (matcher.find()) {
			matcher.appendReplacement(expanded,
					Matcher.quoteReplacement(environment.getOrDefault(matcher.group(1), "")));
		}
		return matcher.appendTail(expanded).toString();
	}

	private static NotVerifiableException refused(String name, String reason) {
		return new NotVerifiableException(name, reason + "; Flyway fails info() and validate() on it too",
				"Correct the script's configuration file: Flyway knows only 'executeInTransaction', 'encoding' and "
						+ "'placeholderReplacement'.");
	}

}
