/**
 * Auto-configuration for Schemagate's health contributor and readiness.
 */
@NullMarked
package io.schemagate.autoconfigure.health;

import org.jspecify.annotations.NullMarked;
