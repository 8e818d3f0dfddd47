package io.schemagate.testsupport;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * Small helpers for {@code jdbc:<driver>://host[:port][/database][?params]} URLs.
 *
 * @author Schemagate
 */
final class JdbcUrls {

	private JdbcUrls() {
	}

	/**
	 * Return the URL with its database path replaced by the given database name, keeping
	 * any query parameters.
	 * @param url the URL, e.g. {@code jdbc:postgresql://127.0.0.1:5432/postgres}
	 * @param database the database name
	 * @return the URL of the given database
	 */
	static String withDatabase(String url, String database) {
		int authorityStart = url.indexOf("://");
		if (authorityStart < 0) {
			throw new IllegalArgumentException("Unsupported JDBC URL (no '://'): " + withoutCredentials(url));
		}
		authorityStart += 3;
		int queryStart = url.indexOf('?', authorityStart);
		int end = (queryStart >= 0) ? queryStart : url.length();
		int pathStart = url.indexOf('/', authorityStart);
		int baseEnd = (pathStart >= 0 && pathStart < end) ? pathStart : end;
		String query = (queryStart >= 0) ? url.substring(queryStart) : "";
		return url.substring(0, baseEnd) + "/" + database + query;
	}

	/**
	 * Return the host and port of a URL.
	 * @param url the URL, e.g. {@code jdbc:postgresql://127.0.0.1:5432/postgres}
	 * @return the address, as a URI with host and port
	 */
	static URI address(String url) {
		URI uri = URI.create(url.substring("jdbc:".length()));
		if (uri.getHost() == null || uri.getPort() < 0) {
			throw new IllegalArgumentException("No host and port in JDBC URL " + withoutCredentials(url));
		}
		return uri;
	}

	/**
	 * Return the URL with another host and port, keeping its database and parameters.
	 * @param url the URL
	 * @param host the new host
	 * @param port the new port
	 * @return the URL of the same database at the new address
	 */
	static String withAddress(String url, String host, int port) {
		URI address = address(url);
		String authority = address.getRawAuthority();
		int start = url.indexOf("//" + authority) + 2;
		return url.substring(0, start) + host + ":" + port + url.substring(start + authority.length());
	}

	/**
	 * Return the URL without {@code user} and {@code password} query parameters.
	 * @param url the URL
	 * @return the URL without credentials
	 */
	static String withoutCredentials(String url) {
		int queryStart = url.indexOf('?');
		if (queryStart < 0) {
			return url;
		}
		List<String> kept = new ArrayList<>();
		for (String parameter : url.substring(queryStart + 1).split("&")) {
			if (!parameter.isEmpty() && !isCredential(parameter)) {
				kept.add(parameter);
			}
		}
		String base = url.substring(0, queryStart);
		return kept.isEmpty() ? base : base + "?" + String.join("&", kept);
	}

	/**
	 * Return the value of a query parameter.
	 * @param url the URL
	 * @param name the parameter name (case-insensitive)
	 * @return the value or {@code null}
	 */
	static @Nullable String parameter(String url, String name) {
		int queryStart = url.indexOf('?');
		if (queryStart < 0) {
			return null;
		}
		for (String parameter : url.substring(queryStart + 1).split("&")) {
			int equals = parameter.indexOf('=');
			if (equals > 0 && parameter.substring(0, equals).equalsIgnoreCase(name)) {
				return parameter.substring(equals + 1);
			}
		}
		return null;
	}

	private static boolean isCredential(String parameter) {
		int equals = parameter.indexOf('=');
		String key = ((equals >= 0) ? parameter.substring(0, equals) : parameter).toLowerCase(Locale.ROOT);
		return key.equals("user") || key.equals("password");
	}

}
