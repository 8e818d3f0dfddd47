/**
 * Lint for pending SQL migrations: statements that break the application version still
 * running (dropped or renamed tables and columns, changed column types, NOT NULL without
 * a default), and the {@code -- schemagate:breaks-before} declaration that announces such
 * a break on purpose.
 */
@NullMarked
package io.schemagate.internal.migrate.lint;

import org.jspecify.annotations.NullMarked;
