package io.schemagate.internal.migrate;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.configuration.Configuration;

import io.schemagate.internal.compare.SchemaStateCalculator;
import io.schemagate.internal.history.AppliedMigration;
import io.schemagate.internal.history.UnreadableHistoryException;
import io.schemagate.internal.local.VersionedScript;

/**
 * Which versioned scripts Flyway's migrate is about to apply, by the rules the verifier
 * shares with Flyway, from the history alone: Flyway's {@code info()} would resolve and
 * read every migration once more.
 */
public final class PendingMigrations {

	private PendingMigrations() {
	}

	/**
	 * The versions Flyway's {@code info().pending()} lists, among the given scripts.
	 * @param configuration the Flyway configuration of the run
	 * @param scripts the versioned and baseline scripts of its locations
	 * @param history the history before the run, in installed order, empty when there is
	 * no table
	 * @return the pending versions
	 * @throws UnreadableHistoryException where Flyway cannot read the history either
	 */
	public static Set<MigrationVersion> versions(Configuration configuration, List<VersionedScript> scripts,
			List<AppliedMigration> history) throws UnreadableHistoryException {
		// getTarget() first: it tells isFailOnMissingTarget() whether the target ends
		// with '?'
		MigrationVersion target = configuration.getTarget();
		SchemaStateCalculator rules = SchemaStateCalculator.of(
				scripts.stream().map(VersionedScript::withoutChecksum).toList(), target,
				configuration.isFailOnMissingTarget(), configuration.isOutOfOrder(),
				configuration.getIgnoreMigrationPatterns(), configuration.getClassLoader());
		return new HashSet<>(rules.pendingVersions(history));
	}

}
