package io.schemagate.internal.compare;

/**
 * Whether a recorded description matches a migration's, as Flyway compares them: Flyway
 * records descriptions shortened to 200 characters, and an empty one as a marker.
 */
final class Descriptions {

	private static final String NO_DESCRIPTION_MARKER = "<< no description >>";

	private static final int MAX_LENGTH = 200;

	private Descriptions() {
	}

	static boolean match(String local, String applied) {
		if (NO_DESCRIPTION_MARKER.equals(applied)) {
			return local.isEmpty();
		}
		String abbreviated = (local.length() <= MAX_LENGTH) ? local : local.substring(0, MAX_LENGTH - 3) + "...";
		return abbreviated.equals(applied);
	}

}
