package io.schemagate.internal.migrate.lint;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Finds where a comment, string, quoted identifier or dollar-quoted body that starts at a
 * given offset ends, following the dialect's rules. Whatever is unterminated runs to the
 * end of the script, as the database would read it.
 */
final class SqlSpans {

	private static final Pattern DOLLAR_TAG = Pattern.compile("\\$(?:[\\p{L}_][\\p{L}\\p{N}_]*)?\\$");

	private final String sql;

	private final SqlDialect dialect;

	SqlSpans(String sql, SqlDialect dialect) {
		this.sql = sql;
		this.dialect = dialect;
	}

	int quotedEnd(int start, char quote, boolean backslashEscapes) {
		int index = start + 1;
		while (index < this.sql.length()) {
			char c = this.sql.charAt(index);
			if (backslashEscapes && c == '\\') {
				index += 2;
			}
			else if (c == quote && index + 1 < this.sql.length() && this.sql.charAt(index + 1) == quote) {
				index += 2;
			}
			else if (c == quote) {
				return index + 1;
			}
			else {
				index++;
			}
		}
		return this.sql.length();
	}

	/**
	 * The opening tag of a dollar-quoted body starting at the offset, such as {@code $$}
	 * or {@code $body$}, or {@code null} when the {@code $} starts none (a parameter such
	 * as {@code $1}).
	 */
	@Nullable String dollarTag(int start) {
		if (!this.dialect.hasDollarQuotes()) {
			return null;
		}
		Matcher matcher = DOLLAR_TAG.matcher(this.sql).region(start, this.sql.length());
		if (!matcher.lookingAt() || (!this.dialect.hasTaggedDollarQuotes() && matcher.end() != start + 2)) {
			return null;
		}
		return matcher.group();
	}

	int dollarQuotedEnd(int start, String tag) {
		int close = this.sql.indexOf(tag, start + tag.length());
		return (close >= 0) ? close + tag.length() : this.sql.length();
	}

	int blockCommentEnd(int start) {
		int nesting = 0;
		int index = start;
		while (index < this.sql.length()) {
			if (this.sql.startsWith("/*", index) && (nesting == 0 || this.dialect.nestsBlockComments())) {
				nesting++;
				index += 2;
			}
			else if (this.sql.startsWith("*/", index)) {
				index += 2;
				if (--nesting == 0) {
					return index;
				}
			}
			else {
				index++;
			}
		}
		return this.sql.length();
	}

	int lineEnd(int start) {
		int index = start;
		while (index < this.sql.length() && this.sql.charAt(index) != '\n' && this.sql.charAt(index) != '\r') {
			index++;
		}
		return index;
	}

	/**
	 * Whether {@code --} at the offset starts a comment: MySQL reads {@code --1} as two
	 * minus signs and needs whitespace after the dashes.
	 */
	boolean isDashComment(int start) {
		if (!this.sql.startsWith("--", start)) {
			return false;
		}
		int next = start + 2;
		return !this.dialect.needsSpaceAfterDashes() || next >= this.sql.length()
				|| Character.isWhitespace(this.sql.charAt(next)) || Character.isISOControl(this.sql.charAt(next));
	}

}
