package io.schemagate.internal.history;

import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.flywaydb.core.api.MigrationVersion;

/**
 * Versions as the history spells them, parsed once: parsing a version costs more than
 * reading its row, every check reads the same ones again, and targets alike (a schema per
 * tenant) read the same ones as each other. Starts with the versions of the local
 * migrations, which most rows have.
 */
public final class ParsedVersions {

	private final Map<String, MigrationVersion> parsed = new ConcurrentHashMap<>();

	/**
	 * Create a cache that knows some versions already.
	 * @param known the versions known already
	 */
	public ParsedVersions(Collection<MigrationVersion> known) {
		known.forEach((version) -> this.parsed.put(version.getVersion(), version));
	}

	/**
	 * The version a history row spells.
	 * @param version the version as the history holds it
	 * @return the parsed version
	 */
	MigrationVersion of(String version) {
		MigrationVersion known = this.parsed.get(version);
		return (known != null) ? known : this.parsed.computeIfAbsent(version, MigrationVersion::fromVersion);
	}

}
