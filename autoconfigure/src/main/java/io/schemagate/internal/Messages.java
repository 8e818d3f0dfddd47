package io.schemagate.internal;

import java.util.regex.Matcher;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Turns exceptions into one-line messages safe for logs and health details: the root
 * cause's message, with JDBC URLs, the passwords of other URIs and the values of
 * secret-like keys removed.
 */
public final class Messages {

	private static final String MASK = "******";

	private static final Pattern JDBC_URL = Pattern.compile("jdbc:[^\\s'\"]+");

	// scheme://user:password@host: a password with an unencoded '@' runs to the last one
	private static final Pattern URI_PASSWORD = Pattern.compile("(://[^\\s/:@]*:)[^\\s/]*@");

	// a suffix without dots, so that a script named V4__add_password.sql is no key
	private static final String SECRET_KEY = "[\\w.-]*(?:password|passwd|pwd|secret|token|api[-_.]?key"
			+ "|access[-_.]?key|credentials?)[\\w-]*";

	// a quoted value runs to its closing quote or, cut off, to the end; a bare one to
	// whitespace, a quote, or a separator before the next key=value or quoted key, so
	// that a password holding '&', ';' or ',' is removed whole
	private static final String VALUE = "\"(?:[^\"\\\\]|\\\\.)*(?:\"|$)|\\\\\"(?:(?!\\\\\").)*(?:\\\\\"|$)"
			+ "|'(?:[^'\\\\]|\\\\.)*(?:'|$)|(?:(?![&;,]\\s*(?:[\\w.-]+=|[\"']))[^\\s\"'])+";

	// group 1: the key (quoted as JSON, escaped JSON or not at all) and separator; group
	// 3: the value. MySQL's "(using password: YES)" says whether a password was sent,
	// not which.
	private static final Pattern KEY_VALUE = Pattern
		.compile("(?is)(?<![\\w.-])(?!(?<=\\(using )password: (?:YES|NO)\\))((\\\\?[\"']?)" + SECRET_KEY
				+ "\\2[ \\t]*[=:][ \\t]*)(" + VALUE + ")");

	private Messages() {
	}

	/**
	 * Describe an exception by its root cause.
	 * @param ex the exception
	 * @return a safe, one-line description
	 */
	public static String describe(@Nullable Throwable ex) {
		if (ex == null) {
			return "unknown error";
		}
		Throwable root = ex;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		String message = (root.getMessage() != null) ? root.getMessage() : root.getClass().getSimpleName();
		return sanitize(message.lines().findFirst().orElse(message).trim());
	}

	/**
	 * Remove JDBC URLs, URI passwords and the values of secret-like keys
	 * ({@code password}, {@code pwd}, {@code secret}, {@code token}, {@code apiKey} and
	 * the like, in {@code key=value}, {@code key: value} and JSON form) from a message.
	 * @param message the message
	 * @return the safe message
	 */
	public static String sanitize(String message) {
		String result = JDBC_URL.matcher(message).replaceAll("<jdbc url>");
		result = URI_PASSWORD.matcher(result).replaceAll("$1" + MASK + "@");
		return KEY_VALUE.matcher(result).replaceAll(Messages::maskValue);
	}

	private static String maskValue(MatchResult match) {
		String quote = quoteOf(match.group(3));
		return Matcher.quoteReplacement(match.group(1) + quote + MASK + quote);
	}

	private static String quoteOf(String value) {
		for (String quote : new String[] { "\\\"", "\"", "'" }) {
			if (value.startsWith(quote)) {
				return quote;
			}
		}
		return "";
	}

}
