package io.schemagate.testsupport;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Assumptions;

/**
 * Finds the server for each {@link DatabaseKind} once per JVM, trying in order: an
 * explicit URL, the conventional local server, Testcontainers, embedded PostgreSQL. The
 * outcome, including "none" with the reason each provider gave, is remembered and printed
 * once per kind.
 *
 * @author Schemagate
 */
final class ServerRegistry {

	private static final Map<DatabaseKind, Resolution> resolutions = new ConcurrentHashMap<>();

	private static final Map<DatabaseKind, Object> locks = new EnumMap<>(DatabaseKind.class);

	static {
		for (DatabaseKind kind : DatabaseKind.values()) {
			locks.put(kind, new Object());
		}
	}

	private ServerRegistry() {
	}

	/**
	 * Return the server for the given kind. Without one, the current test fails when the
	 * build requires the kind ({@link RequiredKinds}), and is aborted (reported as
	 * skipped) otherwise.
	 * @param kind the kind of server
	 * @return the server
	 * @throws IllegalStateException when a required kind has no server
	 */
	static DatabaseServer server(DatabaseKind kind) {
		return serverOrAbort(kind, resolve(kind), RequiredKinds.configured());
	}

	static DatabaseServer serverOrAbort(DatabaseKind kind, Resolution resolution, Set<DatabaseKind> required) {
		DatabaseServer server = resolution.server();
		if (server == null) {
			if (required.contains(kind)) {
				throw new IllegalStateException(
						kind.displayName() + " is required (" + RequiredKinds.ENVIRONMENT + " lists '" + kind.id()
								+ "') but no " + kind.displayName() + " server was found: " + resolution.reason());
			}
			Assumptions.abort("No " + kind.id() + " server for the test: " + resolution.reason());
		}
		return server;
	}

	private static Resolution resolve(DatabaseKind kind) {
		synchronized (locks.get(kind)) {
			Resolution resolution = resolutions.get(kind);
			if (resolution == null) {
				resolution = locate(kind);
				DatabaseServer server = resolution.server();
				String outcome = (server != null) ? server.source() : "unavailable - " + resolution.reason();
				System.out.println("[test-support] " + kind.id() + ": " + outcome);
				resolutions.put(kind, resolution);
			}
			return resolution;
		}
	}

	// Lambdas, not method references: a provider's classes (e.g. Testcontainers) are
	// only loaded inside attempt(), where linkage errors count as "unavailable".
	private static Resolution locate(DatabaseKind kind) {
		List<String> reasons = new ArrayList<>();
		DatabaseServer server = attempt("explicit URL", (k) -> ExplicitServers.locate(k), kind, reasons);
		if (server == null) {
			server = attempt("local", (k) -> LocalServers.locate(k), kind, reasons);
		}
		if (server == null) {
			server = attempt("testcontainers", (k) -> ContainerServers.locate(k), kind, reasons);
		}
		if (server == null) {
			server = attempt("embedded", (k) -> EmbeddedPostgresServer.locate(k), kind, reasons);
		}
		return new Resolution(server, String.join("; ", reasons));
	}

	private static @Nullable DatabaseServer attempt(String provider, Function<DatabaseKind, DatabaseServer> locator,
			DatabaseKind kind, List<String> reasons) {
		try {
			return locator.apply(kind);
		}
		catch (Exception | LinkageError ex) {
			reasons.add(provider + ": " + ex.getMessage());
			return null;
		}
	}

	record Resolution(@Nullable DatabaseServer server, String reason) {

	}

}
