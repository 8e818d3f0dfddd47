package io.schemagate.internal.migrate.lint;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link SqlScript}.
 */
class SqlScriptTests {

	@Test
	void statementsStartOnTheLineOfTheirFirstToken() {
		String sql = "CREATE TABLE a (id INT);\r\n\r\n/* two\r\nlines */\r\n  INSERT INTO a\r\nVALUES (1);\rSELECT 1;\n";
		SqlScript script = SqlScript.parse(sql, SqlDialect.POSTGRESQL);
		assertThat(script.statements()).extracting(SqlScript.Statement::line).containsExactly(1, 5, 7);
		assertThat(script.statements()).extracting(SqlScript.Statement::text)
			.containsExactly("CREATE TABLE a (id INT)", "INSERT INTO a\r\nVALUES (1)", "SELECT 1");
	}

	@Test
	void emptyStatementsAreLeftOut() {
		assertThat(SqlScript.parse(";;\n ; -- nothing\n", SqlDialect.H2).statements()).isEmpty();
	}

	@Test
	void parenthesesDepthStartsAgainWithEachStatement() {
		SqlScript script = SqlScript.parse("SELECT ((1);\nSELECT (2)", SqlDialect.MYSQL);
		assertThat(script.statements().get(1).tokens()).extracting(SqlToken::depth).containsExactly(0, 0, 1, 0);
	}

	@Test
	void unterminatedStringRunsToTheEnd() {
		SqlScript script = SqlScript.parse("SELECT 'open;\nDROP TABLE orders", SqlDialect.H2);
		assertThat(script.statements()).singleElement()
			.satisfies((statement) -> assertThat(statement.tokens()).hasSize(2));
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			-- alone          | true
			   -- indented    | true
			SELECT 1; -- tail | false
			/* */ -- after    | false
			""")
	void commentKnowsWhetherItIsOnALineOfItsOwn(String line, boolean ownLine) {
		SqlScript script = SqlScript.parse("SELECT 0;\n" + line + "\n", SqlDialect.POSTGRESQL);
		assertThat(script.comments()).singleElement().satisfies((comment) -> {
			assertThat(comment.line()).isEqualTo(2);
			assertThat(comment.ownLine()).isEqualTo(ownLine);
		});
	}

	@Test
	void commentAfterMultiLineBlockCommentSharesItsLine() {
		SqlScript script = SqlScript.parse("/* one\ntwo */ -- note", SqlDialect.H2);
		assertThat(script.comments()).singleElement().satisfies((comment) -> {
			assertThat(comment.line()).isEqualTo(2);
			assertThat(comment.ownLine()).isFalse();
			assertThat(comment.text()).isEqualTo(" note");
		});
	}

}
