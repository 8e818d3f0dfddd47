package io.schemagate.internal.migrate;

import java.util.ArrayList;
import java.util.List;

import org.flywaydb.core.api.configuration.Configuration;

import io.schemagate.internal.compare.SchemaStateCalculator;
import io.schemagate.internal.history.AppliedMigration;
import io.schemagate.internal.history.UnreadableHistoryException;
import io.schemagate.internal.local.LocalMigration;
import io.schemagate.internal.local.LocalMigrationScanner.JobMigrations;
import io.schemagate.internal.local.VersionedScript;

/**
 * Which migrations Flyway's migrate is about to apply, by the rules the verifier shares
 * with Flyway, from the history alone: Flyway's {@code info()} would resolve and read
 * every migration once more. The scripts need not be read: the rules decide what is
 * pending by versions and types.
 */
public final class PendingMigrations {

	private PendingMigrations() {
	}

	/**
	 * The versioned migrations Flyway's {@code info().pending()} lists.
	 * @param configuration the Flyway configuration of the run
	 * @param migrations the scripts and Java migrations of its locations
	 * @param history the history before the run, in installed order, empty when there is
	 * no table
	 * @return the pending migrations: the scripts as
	 * {@link VersionedScript#withoutChecksum()} gives them, the Java migrations as given
	 * @throws UnreadableHistoryException where Flyway cannot read the history either
	 */
	public static List<LocalMigration> of(Configuration configuration, JobMigrations migrations,
			List<AppliedMigration> history) throws UnreadableHistoryException {
		List<LocalMigration> local = new ArrayList<>(migrations.java().get());
		migrations.scripts().forEach((script) -> local.add(script.withoutChecksum()));
		SchemaStateCalculator rules = SchemaStateCalculator.of(local, configuration);
		return rules.pendingVersioned(history);
	}

}
