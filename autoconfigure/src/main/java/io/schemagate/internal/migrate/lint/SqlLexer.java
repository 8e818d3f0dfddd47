package io.schemagate.internal.migrate.lint;

import java.util.ArrayList;
import java.util.List;

import io.schemagate.internal.migrate.lint.SqlToken.Kind;

/**
 * Splits a SQL script into tokens, leaving out comments and whitespace, so that what
 * reads like a statement inside a comment, a string or a dollar-quoted body is never
 * mistaken for one. The {@code --} comments are kept apart, for declarations.
 */
final class SqlLexer {

	private final String sql;

	private final SqlDialect dialect;

	private final SqlSpans spans;

	private final List<SqlToken> tokens = new ArrayList<>();

	private final List<LineComment> comments = new ArrayList<>();

	private int position;

	private int line = 1;

	private int lastContentLine;

	private int depth;

	private SqlLexer(String sql, SqlDialect dialect) {
		this.sql = sql;
		this.dialect = dialect;
		this.spans = new SqlSpans(sql, dialect);
	}

	static SqlLexer lex(String sql, SqlDialect dialect) {
		SqlLexer lexer = new SqlLexer(sql, dialect);
		lexer.run();
		return lexer;
	}

	List<SqlToken> tokens() {
		return this.tokens;
	}

	List<LineComment> comments() {
		return this.comments;
	}

	private void run() {
		while (this.position < this.sql.length()) {
			char c = this.sql.charAt(this.position);
			int start = this.position;
			String dollarTag = (c == '$') ? this.spans.dollarTag(start) : null;
			if (Character.isWhitespace(c)) {
				moveTo(start + 1);
				continue;
			}
			if (this.spans.isDashComment(start)) {
				int end = this.spans.lineEnd(start);
				this.comments.add(new LineComment(this.line, this.sql.substring(start + 2, end),
						this.lastContentLine != this.line));
				moveTo(end);
			}
			else if (c == '#' && this.dialect.hasHashComments()) {
				moveTo(this.spans.lineEnd(start));
			}
			else if (this.sql.startsWith("/*", start)) {
				moveTo(this.spans.blockCommentEnd(start));
			}
			else if (c == '\'') {
				add(Kind.STRING, this.spans.quotedEnd(start, c, this.dialect.escapesWithBackslash()));
			}
			else if (c == '"' && this.dialect.quotesStringsWithDoubleQuotes()) {
				add(Kind.STRING, this.spans.quotedEnd(start, c, true));
			}
			else if (c == this.dialect.identifierQuote()) {
				add(Kind.QUOTED_IDENTIFIER, this.spans.quotedEnd(start, c, false));
			}
			else if (dollarTag != null) {
				add(Kind.STRING, this.spans.dollarQuotedEnd(start, dollarTag));
			}
			else if (Character.isLetterOrDigit(c) || c == '_') {
				addWord(start);
			}
			else {
				add(Kind.SYMBOL, start + 1);
			}
			this.lastContentLine = this.line;
		}
	}

	private void addWord(int start) {
		int end = start + 1;
		while (end < this.sql.length() && isWordPart(this.sql.charAt(end))) {
			end++;
		}
		boolean escapeString = this.dialect.hasEscapeStrings() && end == start + 1
				&& Character.toUpperCase(this.sql.charAt(start)) == 'E' && this.sql.startsWith("'", end);
		if (escapeString) {
			add(Kind.STRING, this.spans.quotedEnd(end, '\'', true));
		}
		else {
			add(Kind.WORD, end);
		}
	}

	private void add(Kind kind, int end) {
		int start = this.position;
		int startLine = this.line;
		moveTo(end);
		String text = this.sql.substring(start, this.position);
		if (kind == Kind.SYMBOL && text.equals(")")) {
			this.depth = Math.max(0, this.depth - 1);
		}
		this.tokens.add(new SqlToken(kind, text, startLine, start, this.position, this.depth));
		if (kind == Kind.SYMBOL && text.equals("(")) {
			this.depth++;
		}
		else if (kind == Kind.SYMBOL && text.equals(";")) {
			// a stray parenthesis must not leak into the next statement
			this.depth = 0;
		}
	}

	private void moveTo(int end) {
		int target = Math.min(end, this.sql.length());
		for (int index = this.position; index < target; index++) {
			char c = this.sql.charAt(index);
			// \r\n is one line break, counted at its \n
			if (c == '\n' || (c == '\r' && !this.sql.startsWith("\n", index + 1))) {
				this.line++;
			}
		}
		this.position = target;
	}

	private static boolean isWordPart(char c) {
		return Character.isLetterOrDigit(c) || c == '_' || c == '$';
	}

}
