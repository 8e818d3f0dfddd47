/**
 * Verify mode: computes the schema state from the local migrations and the schema
 * history, without Spring wiring.
 */
@NullMarked
package io.schemagate.verify;

import org.jspecify.annotations.NullMarked;
