package io.schemagate.internal;

import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Turns exceptions into one-line messages safe for logs and health details: the root
 * cause's message, with JDBC URLs and passwords removed.
 */
public final class Messages {

	private static final Pattern JDBC_URL = Pattern.compile("jdbc:[^\\s'\"]+");

	private static final Pattern PASSWORD = Pattern.compile("(?i)(password|pwd)=[^&;,\\s]*");

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
	 * Remove JDBC URLs and passwords from a message.
	 * @param message the message
	 * @return the safe message
	 */
	public static String sanitize(String message) {
		String withoutPasswords = PASSWORD.matcher(message).replaceAll("$1=******");
		return JDBC_URL.matcher(withoutPasswords).replaceAll("<jdbc url>");
	}

}
