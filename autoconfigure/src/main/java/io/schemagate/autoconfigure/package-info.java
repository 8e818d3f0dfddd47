/**
 * Auto-configuration for Schemagate: wiring, properties and failure analyzers.
 */
@NullMarked
package io.schemagate.autoconfigure;

import org.jspecify.annotations.NullMarked;
