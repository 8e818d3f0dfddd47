package io.schemagate.internal.compare;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;

import org.springframework.util.ClassUtils;

import io.schemagate.internal.history.AppliedMigration;
import io.schemagate.internal.history.UnreadableHistoryException;

/**
 * The row types the Flyway on the classpath reads: its core types and the baseline
 * migration types. A row of another type makes Flyway's {@code info()} fail (undo rows of
 * Flyway's paid editions, for example). Flyway 11 still reads {@code SPRING_JDBC}, the
 * type Spring's Flyway integration once wrote, as {@code JDBC}; Flyway 12 no longer does.
 */
final class MigrationTypes {

	private static final Set<String> KNOWN = Set.of("SCHEMA", "BASELINE", "DELETE", "SQL", "JDBC", "SCRIPT",
			"UNDO_SCRIPT", "CUSTOM", "SQL_BASELINE", "JDBC_BASELINE");

	private static final String LEGACY_JDBC = "SPRING_JDBC";

	private static final Map<ClassLoader, MigrationTypes> byClassLoader = Collections
		.synchronizedMap(new WeakHashMap<>());

	private final boolean readsLegacyJdbc;

	private MigrationTypes(boolean readsLegacyJdbc) {
		this.readsLegacyJdbc = readsLegacyJdbc;
	}

	/**
	 * The types of the Flyway on the classpath.
	 * @param classLoader the class loader Flyway is loaded with
	 * @return the types
	 */
	static MigrationTypes of(ClassLoader classLoader) {
		// looking for a class that is not there costs a failed class load: once a loader
		return byClassLoader.computeIfAbsent(classLoader, (loader) -> {
			// the exception Flyway 12 throws for an unknown type, SPRING_JDBC included
			boolean flyway12 = ClassUtils
				.isPresent("org.flywaydb.core.internal.exception.FlywayUnknownMigrationTypeException", loader);
			return new MigrationTypes(!flyway12);
		});
	}

	/**
	 * Read the rows as this Flyway reads them.
	 * @param history the rows
	 * @return the rows, legacy types as this Flyway names them
	 * @throws UnreadableHistoryException for a type this Flyway does not read
	 */
	List<AppliedMigration> read(List<AppliedMigration> history) throws UnreadableHistoryException {
		List<AppliedMigration> rows = new ArrayList<>(history.size());
		for (AppliedMigration row : history) {
			if (this.readsLegacyJdbc && LEGACY_JDBC.equals(row.type())) {
				rows.add(new AppliedMigration(row.installedRank(), row.version(), row.description(), "JDBC",
						row.script(), row.checksum(), row.success()));
			}
			else if (KNOWN.contains(row.type())) {
				rows.add(row);
			}
			else {
				throw new UnreadableHistoryException("the history has a migration of type '" + row.type() + "' (rank "
						+ row.installedRank() + "), which this Flyway cannot read either");
			}
		}
		return rows;
	}

}
