package io.schemagate.internal.migrate.lint;

import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link BreakingDeclaration}.
 */
class BreakingDeclarationTests {

	@ParameterizedTest
	@EnumSource(SqlDialect.class)
	void declarationOnALineOfItsOwnIsFound(SqlDialect dialect) {
		String sql = "ALTER TABLE orders DROP COLUMN note;\n-- schemagate:breaks-before 4.1\n";
		assertThat(BreakingDeclaration.parse("V5__drop.sql", sql, dialect))
			.isEqualTo(MigrationVersion.fromVersion("4.1"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "--schemagate:breaks-before 4.1", "  --\tSchemaGate:Breaks-Before \t 4_1  ",
			"-- SCHEMAGATE:BREAKS-BEFORE 4.1.0" })
	void declarationAllowsAnyWhitespaceAndCase(String line) {
		assertThat(BreakingDeclaration.parse("V5__drop.sql", "SELECT 1;\n" + line + "\r\n", SqlDialect.POSTGRESQL))
			.isEqualTo(MigrationVersion.fromVersion("4.1"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "DROP TABLE orders;", "/*\n-- schemagate:breaks-before 4\n*/",
			"/* /* */\n-- schemagate:breaks-before 4\n*/", "SELECT '\n-- schemagate:breaks-before 4\n';",
			"SELECT $$\n-- schemagate:breaks-before 4\n$$;", "SELECT 1; -- schemagate:breaks-before 4",
			"-- schemagate: breaks-before 4", "-- see schemagate:breaks-before 4" })
	void noDeclarationOutsideADashCommentLine(String sql) {
		assertThat(BreakingDeclaration.parse("V5__drop.sql", sql, SqlDialect.POSTGRESQL)).isNull();
	}

	@Test
	void hashCommentIsNoDeclaration() {
		assertThat(BreakingDeclaration.parse("V5__drop.sql", "# schemagate:breaks-before 4", SqlDialect.MYSQL))
			.isNull();
	}

	@ParameterizedTest
	@ValueSource(strings = { "-- schemagate:breaks-before", "-- schemagate:breaks-before   ",
			"-- schemagate:breaks-before four", "-- schemagate:breaks-before 4 5", "-- schemagate:breaks-before V4",
			"-- schemagate:breaks-before latest", "-- schemagate:breaks-before: 4" })
	void malformedDeclarationNamesScriptAndLine(String line) {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> BreakingDeclaration.parse("V5__drop.sql", "SELECT 1;\n\n" + line, SqlDialect.H2))
			.withMessageStartingWith("Script 'V5__drop.sql' line 3: '" + line.stripTrailing() + "' must name one")
			.withMessageContaining("'-- schemagate:breaks-before 4.1'");
	}

	@Test
	void secondDeclarationNamesBothLines() {
		String sql = "-- schemagate:breaks-before 4\nDROP TABLE orders;\n-- schemagate:breaks-before 5\n";
		assertThatIllegalArgumentException()
			.isThrownBy(() -> BreakingDeclaration.parse("V5__drop.sql", sql, SqlDialect.MYSQL))
			.withMessage("Script 'V5__drop.sql' declares '-- schemagate:breaks-before' twice, on line 1 and line 3; "
					+ "keep one");
	}

}
