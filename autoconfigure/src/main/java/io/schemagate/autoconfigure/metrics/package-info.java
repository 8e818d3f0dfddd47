/**
 * Auto-configuration for Schemagate's Micrometer meters.
 */
@NullMarked
package io.schemagate.autoconfigure.metrics;

import org.jspecify.annotations.NullMarked;
