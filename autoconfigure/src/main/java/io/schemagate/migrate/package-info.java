/**
 * Migrate mode's API: exit codes, the outcome listeners are told of, the lint's modes and
 * the failures a startup report shows.
 */
@NullMarked
package io.schemagate.migrate;

import org.jspecify.annotations.NullMarked;
