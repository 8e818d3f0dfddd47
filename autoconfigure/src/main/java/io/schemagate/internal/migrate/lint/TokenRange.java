package io.schemagate.internal.migrate.lint;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * A cursor over some tokens of a statement, for reading it keyword by keyword. Keywords
 * match regardless of case; quoted identifiers never match a keyword.
 */
final class TokenRange {

	private final List<SqlToken> tokens;

	private int position;

	TokenRange(List<SqlToken> tokens) {
		this.tokens = tokens;
	}

	boolean atEnd() {
		return this.position >= this.tokens.size();
	}

	/**
	 * The number of tokens not read yet.
	 */
	int remaining() {
		return this.tokens.size() - this.position;
	}

	boolean nextIs(String... words) {
		if (remaining() < words.length) {
			return false;
		}
		for (int i = 0; i < words.length; i++) {
			if (!this.tokens.get(this.position + i).isWord(words[i])) {
				return false;
			}
		}
		return true;
	}

	boolean nextIsAny(Set<String> words) {
		return !atEnd() && this.tokens.get(this.position).kind() == SqlToken.Kind.WORD
				&& words.contains(this.tokens.get(this.position).text().toUpperCase(Locale.ROOT));
	}

	boolean nextIsSymbol(char symbol) {
		return !atEnd() && this.tokens.get(this.position).isSymbol(symbol);
	}

	boolean acceptSymbol(char symbol) {
		boolean matches = nextIsSymbol(symbol);
		if (matches) {
			this.position++;
		}
		return matches;
	}

	/**
	 * Read the words when they come next.
	 * @param words the words
	 * @return whether they came and were read
	 */
	boolean accept(String... words) {
		boolean matches = nextIs(words);
		if (matches) {
			this.position += words.length;
		}
		return matches;
	}

	/**
	 * Read one identifier, quoted or not.
	 * @return its token, or {@code null} when no identifier comes next
	 */
	@Nullable SqlToken identifier() {
		return (!atEnd() && this.tokens.get(this.position).isIdentifier()) ? this.tokens.get(this.position++) : null;
	}

	/**
	 * Read a name, qualified or not ({@code orders}, {@code app."Orders"}), as written.
	 * @return the name, or {@code null} when no identifier comes next
	 */
	@Nullable String name() {
		SqlToken first = identifier();
		if (first == null) {
			return null;
		}
		StringBuilder name = new StringBuilder(first.text());
		while (nextIsSymbol('.') && remaining() >= 2 && this.tokens.get(this.position + 1).isIdentifier()) {
			name.append('.').append(this.tokens.get(this.position + 1).text());
			this.position += 2;
		}
		return name.toString();
	}

	/**
	 * Split what is not read yet at the commas outside parentheses.
	 */
	List<TokenRange> split() {
		List<TokenRange> parts = new ArrayList<>();
		if (atEnd()) {
			return parts;
		}
		int depth = this.tokens.get(this.position).depth();
		int from = this.position;
		for (int i = this.position; i < this.tokens.size(); i++) {
			if (this.tokens.get(i).isSymbol(',') && this.tokens.get(i).depth() == depth) {
				parts.add(new TokenRange(this.tokens.subList(from, i)));
				from = i + 1;
			}
		}
		parts.add(new TokenRange(this.tokens.subList(from, this.tokens.size())));
		this.position = this.tokens.size();
		return parts;
	}

	/**
	 * Read a parenthesized list, the next token being its opening parenthesis.
	 * @return what is inside the parentheses
	 */
	TokenRange parenthesized() {
		int depth = this.tokens.get(this.position).depth();
		int from = ++this.position;
		while (!atEnd()
				&& !(this.tokens.get(this.position).isSymbol(')') && this.tokens.get(this.position).depth() == depth)) {
			this.position++;
		}
		TokenRange inside = new TokenRange(this.tokens.subList(from, this.position));
		this.position = Math.min(this.position + 1, this.tokens.size());
		return inside;
	}

	/**
	 * Whether one of the words occurs in what is not read yet, outside parentheses.
	 */
	boolean containsAny(Set<String> words) {
		for (int i = this.position; i < this.tokens.size(); i++) {
			SqlToken token = this.tokens.get(i);
			if (isOutsideParentheses(token) && token.kind() == SqlToken.Kind.WORD
					&& words.contains(token.text().toUpperCase(Locale.ROOT))) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Whether the two words follow each other in what is not read yet, outside
	 * parentheses.
	 */
	boolean contains(String first, String second) {
		for (int i = this.position; i + 1 < this.tokens.size(); i++) {
			SqlToken token = this.tokens.get(i);
			if (isOutsideParentheses(token) && token.isWord(first) && this.tokens.get(i + 1).isWord(second)) {
				return true;
			}
		}
		return false;
	}

	private boolean isOutsideParentheses(SqlToken token) {
		return token.depth() == this.tokens.get(this.position).depth();
	}

}
