package io.schemagate.internal.compare;

import java.util.List;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.internal.license.VersionPrinter;
import org.junit.jupiter.api.Test;

import io.schemagate.internal.history.AppliedMigration;
import io.schemagate.internal.history.UnreadableHistoryException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@link MigrationTypes} tells the Flyway on the classpath by its version: Flyway 11
 * reads {@code SPRING_JDBC} rows as {@code JDBC}, Flyway 12 fails on them.
 */
class MigrationTypesTests {

	private static final List<AppliedMigration> LEGACY = List.of(new AppliedMigration(1,
			MigrationVersion.fromVersion("1"), "spring", "SPRING_JDBC", "V1__spring", null, true));

	@Test
	void legacySpringJdbcRowsAreReadAsTheFlywayOnTheClasspathReadsThem() throws UnreadableHistoryException {
		MigrationTypes types = MigrationTypes.of(getClass().getClassLoader());
		if (VersionPrinter.getVersion().startsWith("11.")) {
			assertThat(types.read(LEGACY)).singleElement().satisfies((row) -> assertThat(row.type()).isEqualTo("JDBC"));
		}
		else {
			assertThatExceptionOfType(UnreadableHistoryException.class).isThrownBy(() -> types.read(LEGACY))
				.withMessageContaining("SPRING_JDBC");
		}
	}

	@Test
	void typesOfPaidEditionsAreUnreadable() {
		assertThatExceptionOfType(UnreadableHistoryException.class)
			.isThrownBy(() -> MigrationTypes.of(getClass().getClassLoader())
				.read(List.of(new AppliedMigration(2, MigrationVersion.fromVersion("1"), "undo", "UNDO_SQL",
						"U1__undo.sql", 1, true))))
			.withMessageContaining("UNDO_SQL");
	}

}
