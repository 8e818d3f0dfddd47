package io.schemagate.internal.migrate.lint;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * The SQL dialects the lint reads. Each differs in how comments, strings and quoted
 * identifiers are written, which decides what text is SQL and what is not.
 */
public enum SqlDialect {

	/**
	 * PostgreSQL: nested block comments, {@code E'...'} escape strings and dollar-quoted
	 * bodies such as {@code $$...$$} and {@code $body$...$body$}.
	 */
	POSTGRESQL,

	/**
	 * MySQL and MariaDB: {@code #} comments, {@code -- } comments only with whitespace
	 * after the dashes, backslash escapes, double-quoted strings and backtick
	 * identifiers.
	 */
	MYSQL,

	/**
	 * H2: nested block comments and {@code $$...$$} bodies.
	 */
	H2;

	/**
	 * Return the dialect of a database product.
	 * @param productName the name from
	 * {@link java.sql.DatabaseMetaData#getDatabaseProductName()}
	 * @return the dialect, or {@code null} for a database the lint does not read
	 */
	public static @Nullable SqlDialect fromProductName(String productName) {
		return switch (productName.strip().toLowerCase(Locale.ROOT)) {
			case "postgresql" -> POSTGRESQL;
			case "mysql", "mariadb" -> MYSQL;
			case "h2" -> H2;
			default -> null;
		};
	}

	boolean nestsBlockComments() {
		return this != MYSQL;
	}

	boolean hasHashComments() {
		return this == MYSQL;
	}

	/**
	 * MySQL reads {@code --1} as two minus signs, so only {@code -- } starts a comment.
	 */
	boolean needsSpaceAfterDashes() {
		return this == MYSQL;
	}

	/**
	 * MySQL's default SQL mode escapes with backslashes in every string.
	 */
	boolean escapesWithBackslash() {
		return this == MYSQL;
	}

	/**
	 * PostgreSQL's {@code E'...'} strings escape with backslashes.
	 */
	boolean hasEscapeStrings() {
		return this == POSTGRESQL;
	}

	boolean quotesStringsWithDoubleQuotes() {
		return this == MYSQL;
	}

	char identifierQuote() {
		return (this != MYSQL) ? '"' : '`';
	}

	boolean hasDollarQuotes() {
		return this != MYSQL;
	}

	/**
	 * H2 knows only the empty tag, {@code $$}.
	 */
	boolean hasTaggedDollarQuotes() {
		return this == POSTGRESQL;
	}

}
