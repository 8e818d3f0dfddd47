package io.schemagate.internal.migrate.lint;

/**
 * A {@code --} comment of a SQL script.
 *
 * @param line the 1-based line of the comment
 * @param text the comment after the two dashes
 * @param ownLine whether nothing but whitespace precedes the comment on its line
 */
record LineComment(int line, String text, boolean ownLine) {

}
