package io.schemagate.internal.migrate.lint;

import java.util.ArrayList;
import java.util.List;

/**
 * A SQL script read as its statements and its {@code --} comments.
 *
 * @param statements the statements, split at semicolons outside comments, strings and
 * quoted bodies
 * @param comments the {@code --} comments, in order
 */
record SqlScript(List<Statement> statements, List<LineComment> comments) {

	static SqlScript parse(String sql, SqlDialect dialect) {
		SqlLexer lexer = SqlLexer.lex(sql, dialect);
		List<Statement> statements = new ArrayList<>();
		List<SqlToken> current = new ArrayList<>();
		for (SqlToken token : lexer.tokens()) {
			if (token.isSymbol(';')) {
				addStatement(sql, current, statements);
				current = new ArrayList<>();
			}
			else {
				current.add(token);
			}
		}
		addStatement(sql, current, statements);
		return new SqlScript(List.copyOf(statements), List.copyOf(lexer.comments()));
	}

	private static void addStatement(String sql, List<SqlToken> tokens, List<Statement> statements) {
		if (!tokens.isEmpty()) {
			SqlToken first = tokens.get(0);
			String text = sql.substring(first.start(), tokens.get(tokens.size() - 1).end());
			statements.add(new Statement(first.line(), text, List.copyOf(tokens)));
		}
	}

	/**
	 * One statement of a script.
	 *
	 * @param line the 1-based line of the statement's first token
	 * @param text the statement as written, from its first token to its last, without the
	 * semicolon
	 * @param tokens the statement's tokens
	 */
	record Statement(int line, String text, List<SqlToken> tokens) {

	}

}
