package io.schemagate.internal.migrate.lint;

import java.util.List;
import java.util.Locale;

import org.flywaydb.core.api.MigrationVersion;
import org.jspecify.annotations.Nullable;

/**
 * Reads the declaration by which a versioned SQL migration announces that it breaks older
 * application versions, the contract step of expand/contract: a comment line of its own
 * {@code -- schemagate:breaks-before <version>}. Applications whose newest known
 * migration is older than {@code <version>} cannot run once the script is applied.
 */
public final class BreakingDeclaration {

	private static final String KEYWORD = "schemagate:breaks-before";

	private BreakingDeclaration() {
	}

	/**
	 * Read the declaration of one script. Only a {@code --} comment with nothing before
	 * it on its line counts, not one in a block comment or a string.
	 * @param script the script's name, for errors
	 * @param sql the script's content
	 * @param dialect the dialect of the database the script runs on
	 * @return the declared version, or {@code null} when the script declares none
	 * @throws IllegalArgumentException naming the script and line when the declaration
	 * has no valid version or the script declares twice
	 */
	public static @Nullable MigrationVersion parse(String script, String sql, SqlDialect dialect) {
		return find(script, SqlScript.parse(sql, dialect).comments());
	}

	static @Nullable MigrationVersion find(String script, List<LineComment> comments) {
		MigrationVersion declared = null;
		int declaredLine = 0;
		for (LineComment comment : comments) {
			String text = comment.text().strip();
			if (!comment.ownLine() || !text.toLowerCase(Locale.ROOT).startsWith(KEYWORD)) {
				continue;
			}
			MigrationVersion version = version(text.substring(KEYWORD.length()));
			if (version == null) {
				throw new IllegalArgumentException(
						String.format("Script '%s' line %d: '--%s' must name one migration version, as in '-- %s 4.1'",
								script, comment.line(), comment.text().stripTrailing(), KEYWORD));
			}
			if (declared != null) {
				throw new IllegalArgumentException(
						String.format("Script '%s' declares '-- %s' twice, on line %d and line %d; keep one", script,
								KEYWORD, declaredLine, comment.line()));
			}
			declared = version;
			declaredLine = comment.line();
		}
		return declared;
	}

	private static @Nullable MigrationVersion version(String rest) {
		String text = rest.strip();
		// the keyword must stand alone, and one version follow it
		if (text.isEmpty() || rest.equals(text) || text.chars().anyMatch(Character::isWhitespace)) {
			return null;
		}
		try {
			MigrationVersion version = MigrationVersion.fromVersion(text);
			boolean predefined = version == MigrationVersion.CURRENT || version == MigrationVersion.NEXT
					|| version == MigrationVersion.LATEST || version == MigrationVersion.EMPTY;
			return predefined ? null : version;
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

}
