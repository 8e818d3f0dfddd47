/**
 * Comparing local migrations with the schema history by Flyway's rules: not an API.
 */
@NullMarked
package io.schemagate.internal.compare;

import org.jspecify.annotations.NullMarked;
