package io.schemagate.testsupport;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Assumptions;

/**
 * Finds the server for each {@link DatabaseKind} once per JVM, trying in order: an
 * explicit URL, Testcontainers, embedded PostgreSQL. The outcome, including "none", is
 * remembered and printed once per kind.
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
	 * Return the server for the given kind, aborting the current test (so that it is
	 * reported as skipped) if there is none.
	 * @param kind the kind of server
	 * @return the server
	 */
	static DatabaseServer server(DatabaseKind kind) {
		Resolution resolution = resolve(kind);
		if (resolution.server() == null) {
			Assumptions.abort("No " + kind.id() + " server for the test: " + resolution.reason());
		}
		return resolution.server();
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

	private record Resolution(@Nullable DatabaseServer server, String reason) {

	}

}
