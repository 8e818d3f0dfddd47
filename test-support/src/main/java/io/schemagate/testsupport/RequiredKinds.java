package io.schemagate.testsupport;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

/**
 * The kinds of server a build requires: listed in the system property
 * {@code schemagate.test.require} or the environment variable
 * {@code SCHEMAGATE_TEST_REQUIRE} (for example {@code postgresql,mariadb}). A required
 * kind without a server fails its tests instead of skipping them, so that a CI run cannot
 * pass without testing the database behaviour.
 *
 * @author Schemagate
 */
final class RequiredKinds {

	static final String PROPERTY = "schemagate.test.require";

	static final String ENVIRONMENT = "SCHEMAGATE_TEST_REQUIRE";

	private RequiredKinds() {
	}

	/**
	 * The kinds this build requires, from the system property, else the environment.
	 * @return the required kinds
	 */
	static Set<DatabaseKind> configured() {
		String value = System.getProperty(PROPERTY);
		return parse((value == null || value.isBlank()) ? System.getenv(ENVIRONMENT) : value);
	}

	/**
	 * Parse a comma-separated list of kind ids.
	 * @param value the list, {@code null} or blank for none
	 * @return the kinds
	 * @throws IllegalArgumentException for an id that names no kind
	 */
	static Set<DatabaseKind> parse(@Nullable String value) {
		Set<DatabaseKind> kinds = EnumSet.noneOf(DatabaseKind.class);
		if (value == null) {
			return kinds;
		}
		for (String id : value.split(",")) {
			String trimmed = id.trim().toLowerCase(Locale.ROOT);
			if (!trimmed.isEmpty()) {
				kinds.add(Arrays.stream(DatabaseKind.values())
					.filter((kind) -> kind.id().equals(trimmed))
					.findFirst()
					.orElseThrow(() -> new IllegalArgumentException("Unknown database kind '" + trimmed + "' in "
							+ ENVIRONMENT + "/-D" + PROPERTY + "; known: " + known())));
			}
		}
		return kinds;
	}

	private static String known() {
		return Arrays.stream(DatabaseKind.values()).map(DatabaseKind::id).collect(Collectors.joining(", "));
	}

}
