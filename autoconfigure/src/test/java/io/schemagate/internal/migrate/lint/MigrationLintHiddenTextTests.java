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
 * Tests for {@link MigrationLint} reading only SQL: a destructive statement inside a
 * comment, a string, a quoted identifier or a dollar-quoted body is no statement. The
 * semicolons inside make a mistake visible, as the text after them would start a
 * statement of its own.
 */
class MigrationLintHiddenTextTests {

	static Stream<Arguments> hiddenStatements() {
		List<Arguments> forms = new ArrayList<>();
		add(forms, "-- DROP TABLE orders;\nSELECT 1", POSTGRESQL, MYSQL, H2);
		add(forms, "SELECT 1; -- ; DROP TABLE orders", POSTGRESQL, MYSQL, H2);
		add(forms, "/* ; DROP TABLE orders; */ SELECT 1", POSTGRESQL, MYSQL, H2);
		add(forms, "/* outer /* inner */ ; DROP TABLE orders; */ SELECT 1", POSTGRESQL, H2);
		add(forms, "# ; DROP TABLE orders;\nSELECT 1", MYSQL);
		add(forms, "INSERT INTO log VALUES ('; DROP TABLE orders; ')", POSTGRESQL, MYSQL, H2);
		add(forms, "INSERT INTO log VALUES ('it''s; DROP TABLE orders; ')", POSTGRESQL, MYSQL, H2);
		add(forms, "INSERT INTO log VALUES (E'it\\'s; DROP TABLE orders; ')", POSTGRESQL);
		add(forms, "INSERT INTO log VALUES (e'C:\\\\'); INSERT INTO log VALUES ('; DROP TABLE orders;')", POSTGRESQL);
		add(forms, "INSERT INTO log VALUES ('it\\'s; DROP TABLE orders; ')", MYSQL);
		add(forms, "INSERT INTO log VALUES (\"it\\\"s; DROP TABLE orders; \")", MYSQL);
		add(forms, "CREATE TABLE \"x; DROP TABLE orders; \" (id INT)", POSTGRESQL, H2);
		add(forms, "CREATE TABLE `x; DROP TABLE orders; ` (id INT)", MYSQL);
		add(forms, "ALTER TABLE orders ADD \"CONSTRAINT\" INT, ADD \"NOT\" INT DEFAULT 0", POSTGRESQL, H2);
		add(forms, """
				CREATE FUNCTION purge() RETURNS void AS $$
				BEGIN
					DROP TABLE orders;
					ALTER TABLE lines DROP COLUMN note;
				END;
				$$ LANGUAGE plpgsql""", POSTGRESQL);
		add(forms, """
				CREATE FUNCTION purge() RETURNS void LANGUAGE plpgsql AS $body$
				BEGIN
					EXECUTE $$DROP TABLE orders$$;
					DROP TABLE lines;
				END;
				$body$""", POSTGRESQL);
		add(forms, "CREATE ALIAS PURGE AS $$ void purge() { run(\"DROP TABLE orders;\"); } $$", H2);
		return forms.stream();
	}

	private static void add(List<Arguments> forms, String sql, SqlDialect... dialects) {
		for (SqlDialect dialect : dialects) {
			forms.add(Arguments.of(dialect, sql));
		}
	}

	@ParameterizedTest(name = "{0}: {1}")
	@MethodSource("hiddenStatements")
	void noWarningForStatementOutsideSql(SqlDialect dialect, String sql) {
		assertThat(MigrationLint.check("V1__hidden.sql", sql, dialect)).isEmpty();
	}

	static Stream<Arguments> visibleStatements() {
		return Stream.of(Arguments.of(MYSQL, "/* outer /* inner */ DROP TABLE orders /* */"),
				Arguments.of(MYSQL, "SELECT 1 --; DROP TABLE orders"),
				Arguments.of(POSTGRESQL, "SELECT 1 # 2; DROP TABLE orders"),
				Arguments.of(POSTGRESQL, "INSERT INTO log VALUES ('C:\\'); DROP TABLE orders"),
				Arguments.of(H2, "INSERT INTO log VALUES ('C:\\'); DROP TABLE orders"),
				Arguments.of(H2, "SELECT 1 AS \"x\"\"; \"; DROP TABLE orders"),
				Arguments.of(POSTGRESQL, "SELECT $1; DROP TABLE orders"));
	}

	@ParameterizedTest(name = "{0}: {1}")
	@MethodSource("visibleStatements")
	void warningWhereTheDialectReadsSql(SqlDialect dialect, String sql) {
		assertThat(MigrationLint.check("V1__visible.sql", sql, dialect)).singleElement()
			.satisfies((warning) -> assertThat(warning.statement()).isEqualTo("DROP TABLE orders"));
	}

}
