/**
 * Micrometer meters for schema checks and migrate runs.
 */
@NullMarked
package io.schemagate.metrics;

import org.jspecify.annotations.NullMarked;
