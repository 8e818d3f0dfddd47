package io.schemagate.internal.migrate.lint;

/**
 * One token of a SQL script: a word (keyword or unquoted identifier), a quoted
 * identifier, a string literal or a punctuation character.
 *
 * @param kind what the token is
 * @param text the token as written, quotes included
 * @param line the 1-based line the token starts on
 * @param start the offset of the token's first character in the script
 * @param end the offset after the token's last character
 * @param depth how many parentheses of its statement enclose the token; a parenthesis
 * itself has the depth of what surrounds it
 */
record SqlToken(Kind kind, String text, int line, int start, int end, int depth) {

	boolean isWord(String word) {
		return this.kind == Kind.WORD && this.text.equalsIgnoreCase(word);
	}

	boolean isSymbol(char symbol) {
		return this.kind == Kind.SYMBOL && this.text.charAt(0) == symbol;
	}

	boolean isIdentifier() {
		return this.kind == Kind.WORD || this.kind == Kind.QUOTED_IDENTIFIER;
	}

	/**
	 * The identifier without its quotes, for comparing names.
	 */
	String identifier() {
		if (this.kind != Kind.QUOTED_IDENTIFIER) {
			return this.text;
		}
		String quote = this.text.substring(0, 1);
		boolean closed = this.text.length() > 1 && this.text.endsWith(quote);
		String inner = this.text.substring(1, this.text.length() - (closed ? 1 : 0));
		return inner.replace(quote + quote, quote);
	}

	/**
	 * What a token is.
	 */
	enum Kind {

		WORD, QUOTED_IDENTIFIER, STRING, SYMBOL

	}

}
