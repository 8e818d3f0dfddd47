/**
 * Migrate mode: a one-shot Flyway migration with exit codes.
 */
@NullMarked
package io.schemagate.migrate;

import org.jspecify.annotations.NullMarked;
