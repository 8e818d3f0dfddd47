package io.schemagate.internal.migrate.lint;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static io.schemagate.internal.migrate.lint.SqlDialect.H2;
import static io.schemagate.internal.migrate.lint.SqlDialect.MYSQL;
import static io.schemagate.internal.migrate.lint.SqlDialect.POSTGRESQL;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link MigrationLint} leaving statements alone that the running version
 * survives.
 */
class MigrationLintSafeStatementsTests {

	static Stream<Arguments> safeStatements() {
		List<Arguments> forms = new ArrayList<>();
		add(forms, "CREATE TABLE orders (id INT NOT NULL, note VARCHAR(20) NOT NULL)", POSTGRESQL, MYSQL, H2);
		add(forms, "INSERT INTO orders (id) VALUES (1)", POSTGRESQL, MYSQL, H2);
		add(forms, "UPDATE orders SET note = NULL WHERE id = 1", POSTGRESQL, MYSQL, H2);
		add(forms, "DELETE FROM orders WHERE id = 1", POSTGRESQL, MYSQL, H2);
		add(forms, "CREATE OR REPLACE VIEW totals AS SELECT id FROM orders", POSTGRESQL, MYSQL, H2);
		add(forms, "CREATE INDEX orders_note ON orders (note)", POSTGRESQL, MYSQL, H2);
		add(forms, "DROP INDEX orders_note", POSTGRESQL, H2);
		add(forms, "DROP INDEX orders_note ON orders", MYSQL);
		add(forms, "TRUNCATE TABLE orders", POSTGRESQL, MYSQL, H2);
		add(forms, "DROP TEMPORARY TABLE scratch", MYSQL);
		add(forms, "ALTER TABLE orders ADD COLUMN note VARCHAR(20)", POSTGRESQL, MYSQL, H2);
		add(forms, "ALTER TABLE orders ADD COLUMN note VARCHAR(20) NOT NULL DEFAULT ''", POSTGRESQL, MYSQL, H2);
		add(forms, "ALTER TABLE orders ADD note INT DEFAULT 0 NOT NULL", POSTGRESQL, MYSQL, H2);
		add(forms, "ALTER TABLE orders ADD COLUMN note VARCHAR(20) CHECK (note IS NOT NULL)", POSTGRESQL, MYSQL, H2);
		add(forms, "ALTER TABLE orders ADD CONSTRAINT note_set CHECK (note IS NOT NULL)", POSTGRESQL, MYSQL, H2);
		add(forms, "ALTER TABLE orders ADD COLUMN seq BIGINT GENERATED ALWAYS AS IDENTITY NOT NULL", POSTGRESQL, H2);
		add(forms, "ALTER TABLE orders ADD COLUMN seq BIGSERIAL NOT NULL", POSTGRESQL);
		add(forms, "ALTER TABLE orders ADD COLUMN seq INT NOT NULL AUTO_INCREMENT, ADD KEY (seq)", MYSQL);
		add(forms, "ALTER TABLE orders ADD COLUMN total INT AS (price * amount) NOT NULL", MYSQL);
		add(forms, "ALTER TABLE orders ADD PRIMARY KEY (id), ADD UNIQUE (note)", POSTGRESQL, MYSQL, H2);
		add(forms, "ALTER TABLE orders DROP CONSTRAINT fk_customer", POSTGRESQL, MYSQL, H2);
		add(forms, "ALTER TABLE orders DROP PRIMARY KEY", MYSQL, H2);
		add(forms, "ALTER TABLE orders DROP FOREIGN KEY fk_customer, DROP INDEX ix, DROP KEY k", MYSQL);
		add(forms, "ALTER TABLE orders DROP CHECK note_set, DROP PARTITION p0", MYSQL);
		add(forms, "ALTER TABLE orders ALTER COLUMN note DROP NOT NULL", POSTGRESQL, H2);
		add(forms, "ALTER TABLE orders ALTER COLUMN note SET NULL", H2);
		add(forms, "ALTER TABLE orders ALTER COLUMN note DROP DEFAULT", POSTGRESQL, MYSQL, H2);
		add(forms, "ALTER TABLE orders ALTER note SET DEFAULT 'none'", POSTGRESQL, MYSQL, H2);
		add(forms, "ALTER TABLE orders ALTER COLUMN seq RESTART WITH 100", H2);
		add(forms, "ALTER TABLE orders ALTER CONSTRAINT fk_customer DEFERRABLE", POSTGRESQL);
		add(forms, "ALTER TABLE orders RENAME CONSTRAINT fk_customer TO fk_buyer", POSTGRESQL, H2);
		add(forms, "ALTER TABLE orders RENAME INDEX ix TO ix_note, ALTER INDEX ix_note INVISIBLE", MYSQL);
		return forms.stream();
	}

	private static void add(List<Arguments> forms, String statement, SqlDialect... dialects) {
		for (SqlDialect dialect : dialects) {
			forms.add(Arguments.of(dialect, statement));
		}
	}

	@ParameterizedTest(name = "{0}: {1}")
	@MethodSource("safeStatements")
	void noWarningForStatementTheRunningVersionSurvives(SqlDialect dialect, String statement) {
		assertThat(MigrationLint.check("V1__safe.sql", statement + ";", dialect)).isEmpty();
	}

}
