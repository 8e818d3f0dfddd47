package io.schemagate.testsupport;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

import org.springframework.core.NestedExceptionUtils;

/**
 * Finds a server from an explicit admin URL given as a system property
 * ({@code schemagate.test.<kind>.url}, {@code .username}, {@code .password}) or as an
 * environment variable ({@code SCHEMAGATE_TEST_<KIND>_URL}, {@code _USERNAME},
 * {@code _PASSWORD}). System properties win over environment variables.
 *
 * @author Schemagate
 */
final class ExplicitServers {

	private ExplicitServers() {
	}

	static DatabaseServer locate(DatabaseKind kind) {
		String configuredUrl = setting(kind, "url");
		if (configuredUrl == null) {
			throw new IllegalStateException(
					"not configured (set -D" + propertyName(kind, "url") + " or " + environmentName(kind, "url") + ")");
		}
		String url = JdbcUrls.withoutCredentials(configuredUrl);
		String username = firstNonNull(setting(kind, "username"), JdbcUrls.parameter(configuredUrl, "user"),
				kind.defaultUsername());
		String password = firstNonNull(setting(kind, "password"), JdbcUrls.parameter(configuredUrl, "password"), "");
		DatabaseServer server = new DatabaseServer(kind, url, username, password, "explicit URL " + url);
		try {
			return server.verified();
		}
		catch (RuntimeException ex) {
			String cause = NestedExceptionUtils.getMostSpecificCause(ex).getMessage();
			throw new IllegalStateException(url + " (user " + username + ") unreachable: " + cause, ex);
		}
	}

	static String propertyName(DatabaseKind kind, String setting) {
		return "schemagate.test." + kind.id() + "." + setting;
	}

	static String environmentName(DatabaseKind kind, String setting) {
		return ("SCHEMAGATE_TEST_" + kind.id() + "_" + setting).toUpperCase(Locale.ROOT);
	}

	private static @Nullable String setting(DatabaseKind kind, String setting) {
		String value = System.getProperty(propertyName(kind, setting));
		if (value == null || value.isBlank()) {
			value = System.getenv(environmentName(kind, setting));
		}
		return (value == null || value.isBlank()) ? null : value;
	}

	private static String firstNonNull(@Nullable String first, @Nullable String second, String fallback) {
		return (first != null) ? first : (second != null) ? second : fallback;
	}

}
