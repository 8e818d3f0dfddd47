package io.schemagate.internal.migrate.lint;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static io.schemagate.internal.migrate.lint.SqlDialect.H2;
import static io.schemagate.internal.migrate.lint.SqlDialect.MYSQL;
import static io.schemagate.internal.migrate.lint.SqlDialect.POSTGRESQL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link MigrationLint} finding destructive statements.
 */
class MigrationLintTests {

	private static final String BEFORE = "CREATE TABLE audit (id INT);\n\n-- the change\n";

	static Stream<Arguments> destructiveStatements() {
		List<Arguments> forms = new ArrayList<>();
		add(forms, "DROP TABLE orders", "drops table 'orders'", POSTGRESQL, MYSQL, H2);
		add(forms, "DROP TABLE IF EXISTS app.orders CASCADE", "drops table 'app.orders'", POSTGRESQL, MYSQL, H2);
		add(forms, "drop view order_totals", "drops view 'order_totals'", POSTGRESQL, MYSQL, H2);
		add(forms, "DROP VIEW IF EXISTS order_totals", "drops view 'order_totals'", POSTGRESQL, MYSQL, H2);
		add(forms, "DROP MATERIALIZED VIEW order_totals", "drops view 'order_totals'", POSTGRESQL);
		add(forms, "ALTER TABLE orders DROP COLUMN note", "drops column 'note' of 'orders'", POSTGRESQL, MYSQL, H2);
		add(forms, "ALTER TABLE orders DROP COLUMN IF EXISTS note", "drops column 'note'", POSTGRESQL, MYSQL, H2);
		add(forms, "ALTER TABLE orders DROP note", "drops column 'note' of 'orders'", POSTGRESQL, MYSQL);
		add(forms, "ALTER TABLE IF EXISTS ONLY orders DROP COLUMN note CASCADE", "drops column 'note'", POSTGRESQL);
		add(forms, "ALTER TABLE orders RENAME COLUMN note TO memo", "renames column 'note' of 'orders' to 'memo'",
				POSTGRESQL, MYSQL, H2);
		add(forms, "ALTER TABLE orders RENAME note TO memo", "renames column 'note' of 'orders' to 'memo'", POSTGRESQL);
		add(forms, "ALTER TABLE orders ALTER COLUMN note RENAME TO memo", "renames column 'note' of 'orders' to 'memo'",
				H2);
		add(forms, "ALTER TABLE orders CHANGE note memo TEXT", "renames column 'note' of 'orders' to 'memo'", MYSQL);
		add(forms, "ALTER TABLE orders CHANGE COLUMN note memo TEXT NOT NULL", "renames column 'note'", MYSQL);
		add(forms, "ALTER TABLE orders RENAME TO purchases", "renames table 'orders' to 'purchases'", POSTGRESQL, MYSQL,
				H2);
		add(forms, "ALTER TABLE orders RENAME AS purchases", "renames table 'orders' to 'purchases'", MYSQL);
		add(forms, "ALTER TABLE orders RENAME purchases", "renames table 'orders' to 'purchases'", MYSQL);
		add(forms, "RENAME TABLE orders TO purchases", "renames table 'orders' to 'purchases'", MYSQL);
		add(forms, "ALTER TABLE orders ALTER COLUMN total TYPE numeric(12, 2) USING total::numeric",
				"changes the type of column 'total' of 'orders'", POSTGRESQL);
		add(forms, "ALTER TABLE orders ALTER total TYPE bigint", "changes the type of column 'total'", POSTGRESQL);
		add(forms, "ALTER TABLE orders ALTER COLUMN total SET DATA TYPE BIGINT", "changes the type of column 'total'",
				POSTGRESQL, H2);
		add(forms, "ALTER TABLE orders ALTER COLUMN total BIGINT", "redefines column 'total' of 'orders'", H2);
		add(forms, "ALTER TABLE orders MODIFY total BIGINT", "redefines column 'total' of 'orders'", MYSQL);
		add(forms, "ALTER TABLE orders MODIFY COLUMN total BIGINT NOT NULL", "redefines column 'total'", MYSQL);
		add(forms, "ALTER TABLE orders CHANGE total `TOTAL` BIGINT", "redefines column 'total'", MYSQL);
		add(forms, "ALTER TABLE orders ADD COLUMN note VARCHAR(20) NOT NULL",
				"adds column 'note' to 'orders' as NOT NULL without a DEFAULT", POSTGRESQL, MYSQL, H2);
		add(forms, "ALTER TABLE orders ADD note VARCHAR(20) NOT NULL CHECK (note <> '')",
				"adds column 'note' to 'orders' as NOT NULL", POSTGRESQL, MYSQL, H2);
		add(forms, "ALTER TABLE orders ADD COLUMN IF NOT EXISTS note VARCHAR(20) NOT NULL",
				"adds column 'note' to 'orders' as NOT NULL", POSTGRESQL, MYSQL, H2);
		add(forms, "ALTER TABLE orders ADD (note VARCHAR(20) NOT NULL)", "adds column 'note' to 'orders'", MYSQL, H2);
		add(forms, "ALTER TABLE orders ALTER COLUMN note SET NOT NULL", "makes column 'note' of 'orders' NOT NULL",
				POSTGRESQL, H2);
		add(forms, "ALTER TABLE orders ALTER note SET NOT NULL", "makes column 'note' of 'orders' NOT NULL",
				POSTGRESQL);
		add(forms, "ALTER TABLE orders DROP `key`", "drops column '`key`' of 'orders'", MYSQL);
		add(forms, "ALTER TABLE orders DROP \"KEY\"", "drops column '\"KEY\"' of 'orders'", POSTGRESQL);
		return forms.stream();
	}

	private static void add(List<Arguments> forms, String statement, String problem, SqlDialect... dialects) {
		for (SqlDialect dialect : dialects) {
			forms.add(Arguments.of(dialect, statement, problem));
		}
	}

	@ParameterizedTest(name = "{0}: {1}")
	@MethodSource("destructiveStatements")
	void warnsOfDestructiveStatementOnItsLine(SqlDialect dialect, String statement, String problem) {
		String sql = BEFORE + statement + ";\nINSERT INTO audit VALUES (1);\n";
		List<LintWarning> warnings = MigrationLint.check("V7__change.sql", sql, dialect);
		assertThat(warnings).singleElement().satisfies((warning) -> {
			assertThat(warning.script()).isEqualTo("V7__change.sql");
			assertThat(warning.line()).isEqualTo(4);
			assertThat(warning.statement()).isEqualTo(statement);
			assertThat(warning.problem()).startsWith(problem);
			assertThat(warning.alternative()).contains("'-- schemagate:breaks-before <version>'");
		});
	}

	@Test
	void warnsOfEachActionOfOneAlterTableInOrder() {
		String sql = "ALTER TABLE orders ADD COLUMN a INT, DROP COLUMN b,\n  DROP CONSTRAINT fk_customer,"
				+ " RENAME COLUMN c TO d, ADD COLUMN e numeric(10, 2) NOT NULL DEFAULT 0";
		assertThat(MigrationLint.check("V1__x.sql", sql, POSTGRESQL)).extracting(LintWarning::problem)
			.satisfiesExactly((problem) -> assertThat(problem).startsWith("drops column 'b' of 'orders'"),
					(problem) -> assertThat(problem).startsWith("renames column 'c' of 'orders' to 'd'"));
	}

	@Test
	void warnsOfEveryTableOfOneDrop() {
		assertThat(MigrationLint.check("V1__x.sql", "DROP TABLE orders, app.lines", H2))
			.extracting(LintWarning::problem)
			.satisfiesExactly((problem) -> assertThat(problem).startsWith("drops table 'orders'"),
					(problem) -> assertThat(problem).startsWith("drops table 'app.lines'"));
	}

	@Test
	void warnsOfEveryColumnOfOneH2Drop() {
		String sql = "ALTER TABLE orders DROP COLUMN note, memo;\nALTER TABLE orders DROP COLUMN IF EXISTS (a, b)";
		assertThat(MigrationLint.check("V1__x.sql", sql, H2))
			.extracting((warning) -> warning.line() + ": " + warning.problem().split(",")[0])
			.containsExactly("1: drops column 'note' of 'orders'", "1: drops column 'memo' of 'orders'",
					"2: drops column 'a' of 'orders'", "2: drops column 'b' of 'orders'");
	}

	@Test
	void statementIsCollapsedAndShortened() {
		String sql = "ALTER TABLE orders\n\tDROP COLUMN note,\n\tDROP COLUMN " + "x".repeat(120);
		List<LintWarning> warnings = MigrationLint.check("V1__x.sql", sql, MYSQL);
		assertThat(warnings).hasSize(2);
		assertThat(warnings.get(0).statement()).startsWith("ALTER TABLE orders DROP COLUMN note, DROP COLUMN xxx")
			.endsWith("...")
			.hasSize(100);
	}

	@Test
	void messageNamesScriptLineStatementProblemAndAlternative() {
		LintWarning warning = MigrationLint.check("V2__drop.sql", "\n\nDROP VIEW totals", POSTGRESQL).get(0);
		assertThat(warning.message()).isEqualTo("V2__drop.sql, line 3: 'DROP VIEW totals' drops view 'totals', which "
				+ "the running version still queries; instead, stop using the view in one release, then drop it in a "
				+ "later release whose script declares '-- schemagate:breaks-before <version>'");
	}

	@Test
	void declaredScriptHasNoWarnings() {
		String sql = "-- schemagate:breaks-before 7\nALTER TABLE orders DROP COLUMN note;\nDROP TABLE notes;";
		assertThat(MigrationLint.check("V7__contract.sql", sql, POSTGRESQL)).isEmpty();
	}

	@Test
	void malformedDeclarationFailsTheCheck() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> MigrationLint.check("V7__contract.sql", "-- schemagate:breaks-before\nDROP TABLE t", H2))
			.withMessageContaining("'V7__contract.sql' line 1");
	}

}
